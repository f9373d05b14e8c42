using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Messages;
using ExpertSupport.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpertSupport.Application.Matching;

internal sealed class ExpertRatingSummaryConfiguration : IEntityTypeConfiguration<ExpertRatingSummary>
{
    public void Configure(EntityTypeBuilder<ExpertRatingSummary> b)
    {
        b.ToTable("expert_rating_summaries", t =>
            t.HasCheckConstraint("ck_expert_rating_summaries_counts", "rating_count >= 0 AND rating_total BETWEEN rating_count AND rating_count * 5"));
        b.HasKey(s => s.ExpertId);
        b.HasOne<Expert>().WithOne().HasForeignKey<ExpertRatingSummary>(s => s.ExpertId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExpertSearchDocumentConfiguration : IEntityTypeConfiguration<ExpertSearchDocument>
{
    public void Configure(EntityTypeBuilder<ExpertSearchDocument> b)
    {
        b.ToTable("expert_search_documents");
        b.HasKey(d => d.ExpertId);
        b.HasOne<Expert>().WithOne().HasForeignKey<ExpertSearchDocument>(d => d.ExpertId).OnDelete(DeleteBehavior.Cascade);
        // Free-text search: "bigrams @> the query's bigrams" finds candidates through this index; LIKE then checks them.
        b.HasIndex(d => d.Bigrams).HasMethod("gin").HasDatabaseName("ix_expert_search_documents_bigrams");
    }
}
