using ExpertSupport.Application.Common;
using ExpertSupport.Application.Data;
using ExpertSupport.Application.Notifications;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExpertSupport.Application.Claims;

internal static class PaidOnRule
{
    /// <summary>The paid date both payment commands need (its range is the claim's rule: after the export, not in the future).</summary>
    public static IRuleBuilderOptions<T, DateOnly> PaidOnGiven<T>(this IRuleBuilder<T, DateOnly> rule) =>
        rule.NotEqual(default(DateOnly)).WithError(new("claims.paid_on_required"));
}
