namespace JourneyContent.Site.BackOffice;

/// <summary>The back office's paths and authorization policies, in one place so that routes and tests agree.</summary>
public static class BackOfficeRoutes
{
    /// <summary>The back office's root path.</summary>
    public const string Root = "/journey/admin";

    /// <summary>The sign-in page.</summary>
    public const string SignIn = Root + "/sign-in";

    /// <summary>The page shown to a signed-in user without the needed role.</summary>
    public const string Denied = Root + "/denied";

    /// <summary>The prefix of the back office's JSON endpoints, which answer 401/403 rather than redirecting.</summary>
    public const string Api = Root + "/api";

    /// <summary>The authentication scheme of back-office users.</summary>
    public const string Scheme = "JourneyContent.BackOffice";
}

/// <summary>Authorization policies of the back office.</summary>
public static class BackOfficePolicies
{
    /// <summary>Editors and admins: content inventory and tagging.</summary>
    public const string Editors = "JourneyContent.Editors";

    /// <summary>Marketers and admins: reports and leads.</summary>
    public const string Marketers = "JourneyContent.Marketers";

    /// <summary>Any back-office role: pages every role may see, such as the coverage matrix.</summary>
    public const string Staff = "JourneyContent.Staff";

    /// <summary>Admins only: users, settings, privacy operations.</summary>
    public const string Admins = "JourneyContent.Admins";
}
