using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpertSupport.Web.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
