using ExpertSupport.Application.Bookings;
using ExpertSupport.Application.Matching;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Application.Subsidies;
using ExpertSupport.Domain.Auditing;
using ExpertSupport.Domain.Bookings;
using ExpertSupport.Domain.Cases;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Documents;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Domain.Messages;
using ExpertSupport.Domain.Plans;
using ExpertSupport.Domain.Reference;
using ExpertSupport.Domain.Reports;
using ExpertSupport.Domain.Subsidies;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Data;

/// <summary>The one store of the application. EF Core is our repository; mappings live in Data/Configurations.</summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Skill> Skills => Set<Skill>();
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<Expert> Experts => Set<Expert>();
    public DbSet<ExpertChangeRequest> ExpertChangeRequests => Set<ExpertChangeRequest>();
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();
    public DbSet<ProgrammeRound> ProgrammeRounds => Set<ProgrammeRound>();
    public DbSet<SubsidyLedgerEntry> SubsidyLedger => Set<SubsidyLedgerEntry>();
    public DbSet<CompanyCapBalance> CompanyCapBalances => Set<CompanyCapBalance>();
    public DbSet<ExpertCapBalance> ExpertCapBalances => Set<ExpertCapBalance>();
    /// <summary>The view of every company's and expert's cap left in every round (read-only).</summary>
    public DbSet<CapLeftRow> CapsLeft => Set<CapLeftRow>();
    public DbSet<SupportPlan> SupportPlans => Set<SupportPlan>();
    public DbSet<SessionReport> SessionReports => Set<SessionReport>();
    public DbSet<ReportEvidence> ReportEvidence => Set<ReportEvidence>();
    public DbSet<Booking> Bookings => Set<Booking>();
    public DbSet<ExpertAvailability> ExpertAvailabilities => Set<ExpertAvailability>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<ClaimBatch> ClaimBatches => Set<ClaimBatch>();
    public DbSet<Claim> Claims => Set<Claim>();
    public DbSet<ClaimLine> ClaimLines => Set<ClaimLine>();
    public DbSet<ClaimExport> ClaimExports => Set<ClaimExport>();
    public DbSet<ClaimRun> ClaimRuns => Set<ClaimRun>();
    public DbSet<IssuedDocument> IssuedDocuments => Set<IssuedDocument>();
    public DbSet<ConsultationCase> ConsultationCases => Set<ConsultationCase>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<PlanRating> PlanRatings => Set<PlanRating>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<ExpertRatingSummary> ExpertRatingSummaries => Set<ExpertRatingSummary>();
    public DbSet<ExpertSearchDocument> ExpertSearchDocuments => Set<ExpertSearchDocument>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("btree_gist");
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        builder.UseXminConcurrencyTokens();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: the database stays readable for the office and for audits.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        // Yen is a bigint of whole yen: the columns are what they always were.
        configurationBuilder.Properties<Yen>().HaveConversion<YenConverter>();
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Audit rows travel with the state change they describe: same SaveChanges, same transaction.
        foreach (var entry in ChangeTracker.Entries<AuditedEntity>().ToList())
        {
            if (entry.Entity.PendingAudit.Count == 0) continue;
            AuditEntries.AddRange(entry.Entity.PendingAudit);
            entry.Entity.ClearPendingAudit();
        }
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
