namespace JourneyContent.Site.BackOffice;

/// <summary>Paths of the back office's views, which ship in this library and are not themed.</summary>
internal static class BackOfficeViews
{
    private const string Folder = "/Views/JourneyAdmin/";

    public const string SignIn = Folder + "SignIn.cshtml";
    public const string Denied = Folder + "Denied.cshtml";
    public const string Inventory = Folder + "Inventory.cshtml";
    public const string Edit = Folder + "Edit.cshtml";
    public const string BulkConfirm = Folder + "BulkConfirm.cshtml";
    public const string Coverage = Folder + "Coverage.cshtml";
    public const string Audit = Folder + "Audit.cshtml";
    public const string Tracking = Folder + "Tracking.cshtml";
    public const string Leads = Folder + "Leads.cshtml";
    public const string Lead = Folder + "Lead.cshtml";
    public const string Outbox = Folder + "Outbox.cshtml";
    public const string Reports = Folder + "Reports.cshtml";
    public const string Overview = Folder + "ReportsOverview.cshtml";
}
