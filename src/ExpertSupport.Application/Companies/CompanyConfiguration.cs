using ExpertSupport.Application.Data;
using ExpertSupport.Domain.Companies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpertSupport.Application.Companies;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> b)
    {
        b.ToTable("companies", t =>
        {
            t.HasCheckConstraint("ck_companies_prefecture", "prefecture_code BETWEEN 1 AND 47");
            t.HasCheckConstraint("ck_companies_capital", "capital_yen >= 0");
            t.HasCheckConstraint("ck_companies_employees", "employees >= 0");
            // 法人番号 is exactly 13 digits; sole proprietors have none.
            t.HasCheckConstraint("ck_companies_corporate_number", "corporate_number IS NULL OR corporate_number ~ '^[0-9]{13}$'");
            // A small business (小規模事業者) is always an SME too.
            t.HasCheckConstraint("ck_companies_small_business_is_sme", "NOT is_small_business OR sme_eligible");
        });
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.NameKana).HasMaxLength(200);
        b.Property(c => c.CorporateNumber).HasMaxLength(13);
        b.Property(c => c.Address).HasMaxLength(300);
        b.Property(c => c.SmeExplanation).HasMaxLength(1000);
        b.Property(c => c.StatusReason).HasMaxLength(2000);
        b.HasIndex(c => c.UserId).IsUnique();
        // One registration per 法人番号: a second account for the same corporation is refused.
        b.HasIndex(c => c.CorporateNumber).IsUnique().HasFilter("corporate_number IS NOT NULL");
        b.HasIndex(c => c.PrefectureCode);
        b.HasIndex(c => c.Industry);
        b.HasIndex(c => c.Status);
        // The office searches names anywhere in the string (ILIKE '%…%'): trigram indexes keep that fast at 100,000 companies.
        b.HasIndex(c => c.Name).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_companies_name_trgm");
        b.HasIndex(c => c.NameKana).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_companies_name_kana_trgm");
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(c => c.PendingAudit);
        b.Ignore(c => c.CanBook);
        b.Ignore(c => c.CanCreatePlans);
        b.OwnsMany(c => c.Contacts, cp =>
        {
            cp.ToTable("company_contacts");
            cp.WithOwner().HasForeignKey("CompanyId");
            cp.Property<long>("Id").UseIdentityAlwaysColumn();
            cp.HasKey("Id");
            cp.Property(x => x.Name).HasMaxLength(100);
            cp.Property(x => x.NameKana).HasMaxLength(100);
            cp.Property(x => x.Department).HasMaxLength(100);
            cp.Property(x => x.Phone).HasMaxLength(20);
            cp.Property(x => x.Email).HasMaxLength(256);
        });
        b.Navigation(c => c.Contacts).HasField("_contacts").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
