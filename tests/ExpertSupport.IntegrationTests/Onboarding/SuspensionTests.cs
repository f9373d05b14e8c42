using ExpertSupport.Application.Companies;
using ExpertSupport.Application.Experts;
using ExpertSupport.Domain.Common;
using ExpertSupport.Domain.Companies;
using ExpertSupport.Domain.Experts;
using ExpertSupport.Testing;
using ExpertSupport.Testing.Builders;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.IntegrationTests.Onboarding;

/// <summary>Suspension blocks new plans and bookings through the domain checks the booking feature calls; history stays.</summary>
public sealed class SuspensionTests(SharedAppFixture fixture)
{
    [Fact]
    public async Task A_suspended_company_cannot_book_or_create_plans_until_reinstated()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Company);
        var office = await fixture.App.CreateUserAsync(Roles.Office);
        var id = (await fixture.App.Send(user, s => s.Send(CompanyProfiles.Valid()))).Value.CompanyId;

        var suspended = await fixture.App.Send(office, s => s.Send(new SuspendCompanyCommand(id, "虚偽の申告の疑いがあるため")));

        Assert.True(suspended.IsSuccess);
        var company = await fixture.App.Db(db => db.Companies.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.False(company.CanBook);
        Assert.Equal("company.suspended", company.EnsureCanBook().FirstError.Code);
        Assert.Equal("company.suspended", company.EnsureCanCreatePlans().FirstError.Code);
        Assert.False(await fixture.App.Db(db => db.Companies.CanBook().AnyAsync(c => c.Id == id)));

        Assert.True((await fixture.App.Send(office, s => s.Send(new ReinstateCompanyCommand(id, "確認が取れた")))).IsSuccess);

        var reinstated = await fixture.App.Db(db => db.Companies.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.True(reinstated.CanBook);
        var detail = await fixture.App.Send(office, s => s.Send(new GetCompanyDetailQuery(id)));
        Assert.Equal(["Active", "Suspended", "Active"], detail!.History.Select(h => h.ToState).ToArray());
        Assert.Equal("虚偽の申告の疑いがあるため", detail.History[1].Reason);
        Assert.NotNull(detail.History[1].ActorName);
    }

    [Fact]
    public async Task A_suspended_expert_cannot_be_found_or_booked_and_keeps_the_profile()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Expert);
        var office = await fixture.App.CreateUserAsync(Roles.Office);
        var id = (await fixture.App.Send(user, s => s.Send(ExpertProfiles.Valid()))).Value.ExpertId;
        await fixture.App.Send(office, s => s.Send(new ApproveExpertCommand(id)));

        var result = await fixture.App.Send(office, s => s.Send(new SuspendExpertCommand(id, "利用者からの苦情を確認中")));

        Assert.True(result.IsSuccess);
        var expert = await fixture.App.Db(db => db.Experts.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal(ExpertStatus.Suspended, expert.Status);
        Assert.False(expert.CanBeBooked);
        Assert.Equal("expert.suspended", expert.EnsureCanBeBooked().FirstError.Code);
        Assert.False(await fixture.App.Db(db => db.Experts.Bookable().AnyAsync(e => e.Id == id)));

        await fixture.App.Send(office, s => s.Send(new ReinstateExpertCommand(id, null)));
        Assert.True(await fixture.App.Db(db => db.Experts.Bookable().AnyAsync(e => e.Id == id)));
    }

    [Fact]
    public async Task Suspension_needs_a_reason_and_the_office()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Company);
        var id = (await fixture.App.Send(user, s => s.Send(CompanyProfiles.Valid()))).Value.CompanyId;
        var office = await fixture.App.CreateUserAsync(Roles.Office);

        Assert.Equal("reason", (await fixture.App.Send(office, s => s.Send(new SuspendCompanyCommand(id, "")))).FirstError.Field);
        Assert.Equal(ErrorKind.Forbidden, (await fixture.App.Send(user, s => s.Send(new SuspendCompanyCommand(id, "自分で")))).FirstError.Kind);
        Assert.Equal(CompanyStatus.Active, (await fixture.App.Db(db => db.Companies.AsNoTracking().SingleAsync(c => c.Id == id))).Status);
    }
}
