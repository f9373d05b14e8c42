using System.Reflection;
using System.Text.Json;
using ExpertSupport.Application.Bookings;
using ExpertSupport.Application.Accounts;
using ExpertSupport.Application.Auditing;
using ExpertSupport.Application.Claims;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Common.Behaviors;
using ExpertSupport.Application.Companies;
using ExpertSupport.Application.Dashboard;
using ExpertSupport.Application.Messages;
using ExpertSupport.Application.Rounds;
using ExpertSupport.Domain.Common;
using ExpertSupport.Testing;
using ExpertSupport.Web.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ExpertSupport.IntegrationTests.Foundation;

/// <summary>
/// Who may send a request is written on the request and enforced by one pipeline behaviour: the office's use cases stay
/// closed to a company even when it reaches the mediator past every page and endpoint policy.
/// </summary>
public sealed class RoleAttributeTests(SharedAppFixture fixture)
{
    private TestApp App => fixture.App;

    /// <summary>The roles each policy admits (Web/Auth/Policies.cs); several policies on one endpoint must all hold.</summary>
    private static readonly Dictionary<string, string[]> RolesOfPolicy = new()
    {
        ["Company"] = [Roles.Company],
        ["Expert"] = [Roles.Expert],
        ["Office"] = [Roles.Office],
        ["Admin"] = [Roles.Admin],
        ["BookingParties"] = [Roles.Company, Roles.Expert],
        ["Operations"] = [Roles.Office, Roles.Admin],
    };

    [Fact]
    public async Task A_company_sending_an_office_command_through_the_mediator_is_refused_with_403_before_the_handler_runs()
    {
        var company = await App.CreateUserAsync(Roles.Company);
        var office = await App.CreateUserAsync(Roles.Office);

        var refused = await App.Send(company, s => s.Send(new ApproveClaimLineCommand(Guid.CreateVersion7())));
        var reached = await App.Send(office, s => s.Send(new ApproveClaimLineCommand(Guid.CreateVersion7())));

        Assert.Equal(("auth.role_required", ErrorKind.Forbidden), (refused.FirstError.Code, refused.FirstError.Kind));
        Assert.Equal(ErrorKind.NotFound, reached.FirstError.Kind);
    }

    [Fact]
    public async Task An_office_query_that_returns_plain_values_throws_a_refused_access_for_any_other_role()
    {
        var expert = await App.CreateUserAsync(Roles.Expert);
        var office = await App.CreateUserAsync(Roles.Office);

        await Assert.ThrowsAsync<RoleRequiredException>(() => App.Send(expert, s => s.Send(new ListCompaniesQuery(new CompanyFilter()))));
        await Assert.ThrowsAsync<RoleRequiredException>(() => App.Send(expert, s => ValueTask.FromResult(s.CreateStream(new ExportCompaniesQuery(new CompanyFilter())))));
        Assert.NotNull(await App.Send(office, s => s.Send(new ListCompaniesQuery(new CompanyFilter()))));
    }

    [Fact]
    public async Task Office_accounts_are_the_admins_alone_and_the_office_reads_conversations_without_writing_in_them()
    {
        var office = await App.CreateUserAsync(Roles.Office);

        var createdByOffice = await App.Send(office, s => s.Send(new CreateOfficeUserCommand("new-office@test.example.jp", "事務局 二郎", "Long-enough-1")));
        var messageByOffice = await App.Send(office, s => s.Send(new SendMessageCommand(Guid.CreateVersion7(), null, null, "事務局です")));

        Assert.Equal("auth.role_required", createdByOffice.FirstError.Code);
        Assert.Equal("auth.role_required", messageByOffice.FirstError.Code);
    }

    [Fact]
    public async Task The_claim_job_runs_with_nobody_signed_in_but_a_company_may_not_close_a_period()
    {
        var company = await App.CreateUserAsync(Roles.Company);
        // A period that has not ended: the handler refuses it without writing anything.
        var notYet = new CloseClaimPeriodCommand(DateTimeOffset.UtcNow.AddYears(1));

        var byJob = await App.Send(null, s => s.Send(notYet));
        var byCompany = await App.Send(company, s => s.Send(notYet));

        Assert.NotEqual("auth.role_required", byJob.FirstError.Code);
        Assert.Equal("auth.role_required", byCompany.FirstError.Code);
    }

    [Fact]
    public void Every_request_says_who_may_send_it_with_exactly_one_access_attribute()
    {
        var requests = typeof(AccessAttribute).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && IsRequest(t))
            .ToList();

        var unsaid = requests.Where(t => t.GetCustomAttributes<AccessAttribute>().Count() != 1).Select(t => t.Name).Order().ToList();
        Assert.True(requests.Count > 100, $"Only {requests.Count} requests found: the reading is broken.");
        Assert.True(unsaid.Count == 0, "Without exactly one access attribute: " + string.Join(", ", unsaid));
    }

    [Fact]
    public async Task Every_request_sent_only_from_endpoints_of_some_roles_refuses_the_other_roles_by_its_attribute()
    {
        var senders = await SendersAsync();

        var open = new List<string>();
        foreach (var group in senders.GroupBy(s => s.Request).Where(g => g.All(s => s.Roles is not null)))
        {
            var sentBy = group.SelectMany(s => s.Roles!).ToHashSet();
            // The Admin may do what the office does (OfficeOnly admits it).
            if (sentBy.Contains(Roles.Office)) sentBy.Add(Roles.Admin);
            var rule = RuleOf(group.Key);
            var admittedStrangers = Roles.All.Except(sentBy).Where(role => rule is null || rule.AllowedRoles.Contains(role)).ToList();
            if (admittedStrangers.Count > 0) open.Add($"{group.Key.Name} (also {string.Join("/", admittedStrangers)})");
        }
        // The reading works at all: a request of the API and a page, a page-only one, the admin's and a company's are among them.
        var readable = senders.Select(s => s.Request).ToHashSet();
        Assert.Superset(new HashSet<Type> { typeof(SearchAuditQuery), typeof(GetNewRoundDefaultsQuery), typeof(ListOfficeUsersQuery), typeof(ListPlansToBookQuery) }, readable);
        Assert.True(open.Count == 0, "Sent only from endpoints of some roles but open to others: " + string.Join(", ", open.Order()));
    }

    [Fact]
    public async Task A_refused_role_is_answered_403_with_the_code_auth_role_required()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Response.Body = new MemoryStream();

        await new UseCaseProblem([AuthErrors.RoleRequired]).ExecuteAsync(http);

        http.Response.Body.Position = 0;
        using var body = await JsonDocument.ParseAsync(http.Response.Body);
        Assert.Equal(StatusCodes.Status403Forbidden, http.Response.StatusCode);
        Assert.Equal("auth.role_required", body.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task No_endpoint_sends_a_request_its_own_role_is_refused()
    {
        var senders = await SendersAsync();

        var doomed = senders
            .Where(s => s.Roles is { } roles && RuleOf(s.Request) is { } rule && !roles.Any(rule.AllowedRoles.Contains))
            .Select(s => $"{s.Endpoint} → {s.Request.Name}").Order().ToList();
        Assert.True(doomed.Count == 0, "Always refused: " + string.Join(", ", doomed));
    }

    private static RequiresRoleAttribute? RuleOf(Type request) => request.GetCustomAttribute<RequiresRoleAttribute>();

    private static bool IsRequest(Type type) =>
        (typeof(Mediator.IMessage).IsAssignableFrom(type) && !typeof(Mediator.INotification).IsAssignableFrom(type))
        || typeof(Mediator.IStreamMessage).IsAssignableFrom(type);

    /// <summary>
    /// Every (endpoint, request it sends) pair of the running app, with the roles the endpoint admits; null roles when any
    /// signed-in user may open it (a detail page shared by the parties and the office).
    /// </summary>
    private async Task<List<(string Endpoint, string[]? Roles, Type Request)>> SendersAsync()
    {
        var loader = App.Services.GetRequiredService<PageLoader>();
        var pairs = new List<(string, string[]?, Type)>();
        foreach (var endpoint in App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            IReadOnlySet<Type> requests;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
                requests = RequestsSent.ByType((await loader.LoadAsync(page, endpoint.Metadata)).HandlerTypeInfo.AsType());
            else if (endpoint.Metadata.GetMetadata<MethodInfo>() is { } handler)
                requests = RequestsSent.ByMethod(handler);
            else
                continue;
            var roles = AdmittedRoles(endpoint);
            var name = endpoint.DisplayName ?? endpoint.RoutePattern.RawText ?? "?";
            pairs.AddRange(requests.Select(r => (name, roles, r)));
        }
        return pairs;
    }

    private static string[]? AdmittedRoles(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) return null;
        string[]? roles = null;
        foreach (var policy in endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>())
            if (RolesOfPolicy.TryGetValue(policy, out var admitted)) roles = roles is null ? admitted : [.. roles.Intersect(admitted)];
        return roles;
    }
}
