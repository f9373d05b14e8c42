using ExpertSupport.Application.Cases;
using ExpertSupport.Domain.Cases;

namespace ExpertSupport.Web.Pages.Cases;

/// <summary>A case as typed on the form; hours are text (２０ and 20時間 are fine).</summary>
public sealed class CaseForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public List<string> SkillCodes { get; set; } = [];
    public WorkMode WorkMode { get; set; }
    public short? PrefectureCode { get; set; }
    public string? DesiredHours { get; set; }

    public OpenCaseCommand ToOpen() => new(Title, Description, SkillCodes, WorkMode, PrefectureCode, DesiredHours);

    public EditCaseCommand ToEdit(Guid id) => new(id, Title, Description, SkillCodes, WorkMode, PrefectureCode, DesiredHours);

    public static CaseForm From(CaseDetail c) => new()
    {
        Title = c.Title, Description = c.Description, SkillCodes = [.. c.SkillCodes], WorkMode = c.WorkMode,
        PrefectureCode = c.PrefectureCode, DesiredHours = c.DesiredHours.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
