using System.ComponentModel.DataAnnotations;
using JourneyContent.Site.BackOffice.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace JourneyContent.Site.BackOffice.Authentication;

/// <summary>The back office's sign-in form, sign-out and access-denied page.</summary>
[Route(BackOfficeRoutes.Root)]
[AutoValidateAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class SignInController(BackOfficeSignIn signIn, SignInThrottle throttle, IStringLocalizer<BackOfficeStrings> texts) : Controller
{
    /// <summary>The catalogue key of the one answer to every refused sign-in.</summary>
    internal const string RefusedMessage = "SignIn.Refused";

    /// <summary>The sign-in form.</summary>
    [HttpGet("sign-in")]
    [AllowAnonymous]
    public IActionResult SignIn(string? returnUrl) =>
        View(BackOfficeViews.SignIn, new SignInForm { ReturnUrl = returnUrl });

    /// <summary>
    /// Checks the credentials. A wrong email, a wrong password and a locked account get the same answer, so that the
    /// answer never tells whether an address has an account (a lock shows only for accounts that exist). An address
    /// that failed too often gets 429 (the site's "too many attempts" page, in the visitor's language) before any check.
    /// </summary>
    [HttpPost("sign-in")]
    [AllowAnonymous]
    public async Task<IActionResult> SignIn([FromForm] SignInForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.IsThrottled(address, out var retryAfter))
        {
            Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        Validate(form);
        if (!ModelState.IsValid)
        {
            return View(BackOfficeViews.SignIn, form);
        }

        var (outcome, principal) = await signIn.SignInAsync(form.Email!, form.Password!, HttpContext.RequestAborted);
        if (outcome != SignInOutcome.Succeeded)
        {
            throttle.RecordFailure(address);
        }

        switch (outcome)
        {
            case SignInOutcome.Succeeded:
                await HttpContext.SignInAsync(BackOfficeRoutes.Scheme, principal!);
                return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl! : BackOfficeRoutes.Root);
            default:
                ModelState.AddModelError(string.Empty, texts[RefusedMessage]);
                break;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return View(BackOfficeViews.SignIn, form with { Password = null });
    }

    // In the controller rather than in attributes, so that the messages come from the catalogue in the user's language.
    private void Validate(SignInForm form)
    {
        if (string.IsNullOrWhiteSpace(form.Email))
        {
            ModelState.AddModelError(nameof(SignInForm.Email), texts["SignIn.EmailRequired"]);
        }
        else if (form.Email.Length > SignInForm.MaxEmailLength || !new EmailAddressAttribute().IsValid(form.Email))
        {
            ModelState.AddModelError(nameof(SignInForm.Email), texts["SignIn.EmailInvalid"]);
        }

        if (string.IsNullOrEmpty(form.Password))
        {
            ModelState.AddModelError(nameof(SignInForm.Password), texts["SignIn.PasswordRequired"]);
        }
        else if (form.Password.Length > SignInForm.MaxPasswordLength)
        {
            ModelState.AddModelError(nameof(SignInForm.Password), texts["SignIn.TooLong"]);
        }
    }

    /// <summary>Signs out, on the server too: the session's cookie stops working even if it was copied.</summary>
    [HttpPost("sign-out")]
    [Authorize(Policy = BackOfficePolicies.Staff)]
    public async Task<IActionResult> SignOutNow()
    {
        await signIn.SignOutAsync(User, HttpContext.RequestAborted);
        await HttpContext.SignOutAsync(BackOfficeRoutes.Scheme);
        return Redirect(BackOfficeRoutes.SignIn);
    }

    /// <summary>Shown to a signed-in user who lacks the role for a page.</summary>
    [HttpGet("denied")]
    [Authorize(Policy = BackOfficePolicies.Staff)]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View(BackOfficeViews.Denied);
    }
}

/// <summary>The sign-in form's fields.</summary>
public sealed record SignInForm
{
    /// <summary>The longest email accepted (RFC 5321's limit).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>The longest password accepted.</summary>
    public const int MaxPasswordLength = 512;

    /// <summary>The account's email; required, checked by the controller.</summary>
    public string? Email { get; init; }

    /// <summary>The password; required, checked by the controller.</summary>
    public string? Password { get; init; }

    /// <summary>Where to go after signing in; only local URLs are followed.</summary>
    public string? ReturnUrl { get; init; }
}
