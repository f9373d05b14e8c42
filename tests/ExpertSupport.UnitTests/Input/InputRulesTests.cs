using ExpertSupport.Application.Common;
using ExpertSupport.Domain.Claims;
using ExpertSupport.Domain.Common;

namespace ExpertSupport.UnitTests.Input;

public sealed class InputRulesTests
{
    private sealed record Hours(DayOfWeek Day, string? Start);

    private sealed record Body(string Name, IReadOnlyList<Hours?>? Hours, DateOnly? From, int Page, ClaimFlags Flags)
    {
        public string Computed => Name + "!";
    }

    [Fact]
    public void NUL_and_unpaired_surrogates_are_invalid_characters()
    {
        // Not [InlineData]: a lone surrogate does not survive the test runner's serialization of its arguments.
        string[] texts = ["a\0b", "\ud800", "x\udc00", "\udc00\ud800", "\ud800x"];
        Assert.All(texts, text => Assert.True(InputRules.HasInvalidCharacter(text)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("株式会社テスト")]
    [InlineData("😀 絵文字は対のサロゲート")]
    [InlineData("\u0001\t\r\n")]
    public void Real_text_has_no_invalid_character(string text) => Assert.False(InputRules.HasInvalidCharacter(text));

    [Fact]
    public void The_supported_dates_run_from_2000_through_2100_for_every_date_type()
    {
        Assert.True(InputRules.IsSupported(new DateOnly(2000, 1, 1)));
        Assert.True(InputRules.IsSupported(new DateOnly(2100, 12, 31)));
        Assert.False(InputRules.IsSupported(new DateOnly(1999, 12, 31)));
        Assert.False(InputRules.IsSupported(DateOnly.MinValue));
        Assert.False(InputRules.IsSupported(DateTimeOffset.MaxValue));
        Assert.False(InputRules.IsSupported(DateTime.MinValue));
        Assert.True(InputRules.IsSupported(new DateTimeOffset(2100, 12, 31, 23, 0, 0, TimeSpan.FromHours(9))));
        Assert.False(InputRules.IsSupported(new DateTimeOffset(2101, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_flags_enum_may_combine_its_named_bits_but_no_other()
    {
        Assert.True(InputRules.IsDefined(ClaimFlags.LongSession | ClaimFlags.NoEvidence));
        Assert.False(InputRules.IsDefined((ClaimFlags)(1 << 20)));
        Assert.False(InputRules.IsDefined((DayOfWeek)999));
    }

    [Fact]
    public void The_inspector_names_every_field_at_fault_by_its_JSON_path_once()
    {
        var body = new Body(null!, [new Hours(DayOfWeek.Monday, "09:00"), null, new Hours((DayOfWeek)9, "a\0")], new DateOnly(1, 1, 1), 0, ClaimFlags.None);

        var errors = InputInspector.Inspect(body, "", InputInspection.Api);

        Assert.Equal(
            ["name:input.required", "hours[1]:input.null_item", "hours[2].day:input.unknown_value", "hours[2].start:input.invalid_character",
             "from:input.date_out_of_range", "page:input.page_out_of_range"],
            errors.Select(e => $"{e.Field}:{e.Code}"));
        Assert.All(errors, e => Assert.Equal(ErrorKind.Validation, e.Kind));
    }

    [Fact]
    public void Forms_and_use_cases_leave_a_missing_value_to_their_validators()
    {
        var errors = InputInspector.Inspect(new Body(null!, null, null, 1, ClaimFlags.None), "Input", InputInspection.Form);

        Assert.Empty(errors);
    }

    [Fact]
    public void A_list_longer_than_the_limit_is_refused_once()
    {
        var errors = InputInspector.Inspect(Enumerable.Range(0, InputRules.MaxItems + 5).Select(i => "x").ToList(), "tags", InputInspection.Api);

        Assert.Equal("tags:input.too_many_items", Assert.Single(errors) is var e ? $"{e.Field}:{e.Code}" : "");
    }
}
