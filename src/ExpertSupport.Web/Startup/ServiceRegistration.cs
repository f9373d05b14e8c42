using ExpertSupport.Application;
using ExpertSupport.Application.Accounts;
using ExpertSupport.Application.Common;
using ExpertSupport.Application.Common.Behaviors;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Application.Files;
using ExpertSupport.Application.Claims;
using ExpertSupport.Infrastructure.Email;
using ExpertSupport.Infrastructure.Files;
using ExpertSupport.Infrastructure.Jobs;
using ExpertSupport.Infrastructure.Postgres;
using ExpertSupport.Infrastructure.Seeding;
using ExpertSupport.Web.Api;
using ExpertSupport.Web.Auth;
using ExpertSupport.Web.Localization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace ExpertSupport.Web.Startup;

internal static class ServiceRegistration
{
    private const string CookieOrBearer = "CookieOrBearer";

    public static WebApplicationBuilder AddExpertSupport(this WebApplicationBuilder builder, string connectionString, PostgresCluster? privateCluster)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        // Registered first so that it stops last, after everything that uses the database.
        if (privateCluster is not null)
        {
            services.AddSingleton(privateCluster);
            services.AddHostedService<PrivatePostgresService>();
        }

        builder.AddTelemetry();
        services.AddApplication(connectionString);
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            // Every use case lives in Application.
            options.Assemblies = [typeof(AppDbContext).Assembly];
            // Outermost first: a span named after the use case, log, refuse a role the request's attribute does not admit (before its content is looked
            // at), refuse values outside the input rules, validate, turn database conflicts into 409, then one
            // transaction per command.
            options.PipelineBehaviors =
            [
                typeof(TracingBehavior<,>),
                typeof(LoggingBehavior<,>),
                typeof(RoleBehavior<,>),
                typeof(InputBoundaryBehavior<,>),
                typeof(ValidationBehavior<,>),
                typeof(ConflictBehavior<,>),
                typeof(TransactionBehavior<,>),
            ];
            options.StreamPipelineBehaviors = [typeof(RoleStreamBehavior<,>), typeof(InputBoundaryStreamBehavior<,>)];
        });

        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        AddIdentity(services);
        AddEmail(builder);
        services.AddJobs(connectionString,
            runServer: config.GetValue("Jobs:RunServer", true),
            workerCount: config.GetValue("Jobs:WorkerCount", Math.Max(2, Environment.ProcessorCount)));

        services.Configure<FileStoreOptions>(config.GetSection("Storage"));
        services.PostConfigure<FileStoreOptions>(o =>
        {
            if (!Path.IsPathRooted(o.Path)) o.Path = Path.Combine(DatabaseBootstrap.RepositoryRoot(builder.Environment.ContentRootPath), o.Path);
        });
        services.AddSingleton<IFileStore, LocalFileStore>();
        JapaneseFont.Install(config["Pdf:FontPath"]);
        services.Configure<PaymentsOptions>(config.GetSection(PaymentsOptions.Section));
        services.Configure<ExpertSupport.Application.Notifications.LinkOptions>(config.GetSection(ExpertSupport.Application.Notifications.LinkOptions.Section));
        services.Configure<ExpertSupport.Application.Reports.EvidenceOptions>(config.GetSection("Evidence"));

        services.AddScoped<IdentitySeeder>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoBookings>();
        services.AddScoped<DemoClaims>();
        services.AddScoped<DemoReports>();
        services.AddScoped<ProgrammeRoundSeeder>();

        // The web tier is stateless: data protection keys (cookies, tokens) live in the database.
        services.AddDataProtection().SetApplicationName("ExpertSupport").PersistKeysToDbContext<AppDbContext>();

        // Japanese text is written as is, not as &#x…; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Cultures.Japanese);
            o.AddSupportedCultures(Cultures.Japanese, Cultures.English);
            o.AddSupportedUICultures(Cultures.Japanese, Cultures.English);
            // Japanese first: only an explicit choice changes the language — the switch in the header for pages,
            // Accept-Language for the API (ApiCultureProvider answers every /api request, so the others never see one).
            o.RequestCultureProviders = [new ApiCultureProvider(), new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        services.AddRazorPages(o =>
        {
            o.Conventions.Add(new AuthorizeByUrl());
            o.Conventions.AllowAnonymousToFolder("/Account");
            o.Conventions.AllowAnonymousToPage("/Index");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AuthorizePage("/Account/Logout");
            o.Conventions.AuthorizePage("/Account/TwoFactor");
            o.Conventions.AuthorizePage("/Account/StepUp");
            o.Conventions.AuthorizePage("/Account/Passkeys");
        })
        .AddMvcOptions(o =>
        {
            o.Filters.Add<ExpertSupport.Web.Pages.InputBoundaryPageFilter>();
            FrameworkMessages.Apply(o);
        })
        .AddViewLocalization();

        services.AddAuthorizationBuilder().AddPolicies();

        // Enums travel by name in the API ("Approved", "Retail"), as they are stored.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new ErrorJsonConverter());
        });
        // Before AddProblemDetails: problem writers are asked in the order they were registered.
        services.AddSingleton<IProblemDetailsWriter, ApiProblemDetailsWriter>();
        services.AddProblemDetails(ProblemDetailsSetup.Customize);
        // A body or parameter that does not bind throws, so the exception handler answers it with the field at fault.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi(OpenApiSetup.Configure);
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);

        services.AddRateLimits(config);
        return builder;
    }

    private static void AddIdentity(IServiceCollection services)
    {
        services.AddIdentity<AppUser, AppRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                // Version 3 adds the passkey table (WebAuthn credentials).
                o.Stores.SchemaVersion = DependencyInjection.IdentitySchemaVersion;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<IdentityErrorCodes>();

        AddSecondFactor(services);

        // The same users for pages and API: a bearer token when the request carries one, else the login cookie.
        services.AddAuthentication()
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8))
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme);
        services.Configure<Microsoft.AspNetCore.Authentication.AuthenticationOptions>(o =>
        {
            o.DefaultScheme = CookieOrBearer;
            o.DefaultAuthenticateScheme = CookieOrBearer;
            o.DefaultChallengeScheme = CookieOrBearer;
            o.DefaultForbidScheme = CookieOrBearer;
        });

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "es.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers 401/403 as problem details instead of redirecting to the login page.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
    }

    private static void AddSecondFactor(IServiceCollection services)
    {
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, FreshSecondFactorHandler>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, SecondFactorRedirects>();
        // A passkey stands for two factors (the device and the PIN or fingerprint that unlocks it) only when the
        // authenticator verified the person.
        services.Configure<IdentityPasskeyOptions>(o => o.UserVerificationRequirement = "required");
        // The periodic security-stamp check rebuilds the principal from the database: keep what the sign-in proved.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = ctx =>
        {
            var identity = ctx.NewPrincipal?.Identities.FirstOrDefault();
            if (identity is null || ctx.CurrentPrincipal is null) return Task.CompletedTask;
            foreach (var claim in ctx.CurrentPrincipal.Claims.Where(c => c.Type is SecondFactor.AmrClaim or SecondFactor.ProvedAtClaim))
            {
                if (!identity.HasClaim(claim.Type, claim.Value)) identity.AddClaim(new System.Security.Claims.Claim(claim.Type, claim.Value));
            }
            return Task.CompletedTask;
        });
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/jobs"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static void AddEmail(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<EmailOptions>(builder.Configuration.GetSection("Email"));
        services.PostConfigure<EmailOptions>(o =>
        {
            if (!Path.IsPathRooted(o.PickupDirectory))
                o.PickupDirectory = Path.Combine(DatabaseBootstrap.RepositoryRoot(builder.Environment.ContentRootPath), o.PickupDirectory);
        });
        services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxDispatcherService>();
        // No SMTP server configured: a local sink receives the mail (development and tests).
        if (string.IsNullOrEmpty(builder.Configuration["Email:Host"]))
        {
            services.AddSingleton(sp =>
            {
                var sink = new SmtpSink(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmailOptions>>().Value.PickupDirectory,
                    sp.GetRequiredService<ILogger<SmtpSink>>());
                sink.Start();
                return sink;
            });
        }
    }
}
