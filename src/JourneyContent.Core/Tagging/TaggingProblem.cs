namespace JourneyContent.Tagging;

/// <summary>The stable codes of <see cref="TaggingProblem"/>s; each has the text <c>Tagging.{code}</c> in the catalogue.</summary>
public static class TaggingProblemCodes
{
    /// <summary>The item no longer exists. Argument: the item id.</summary>
    public const string ItemGone = "item-gone";

    /// <summary>Someone else changed the item since it was read. Argument: its title.</summary>
    public const string Conflict = "conflict";

    /// <summary>The boost is outside -1 … 1.</summary>
    public const string BoostOutOfRange = "boost-out-of-range";

    /// <summary>A pinned item does not exist. Argument: its id.</summary>
    public const string PinnedUnknown = "pinned-unknown";

    /// <summary>An item is pinned after itself.</summary>
    public const string PinnedSelf = "pinned-self";

    /// <summary>A pinned item is in another language. Argument: its title.</summary>
    public const string PinnedOtherLanguage = "pinned-other-language";

    /// <summary>An item is pinned twice.</summary>
    public const string PinnedTwice = "pinned-twice";

    /// <summary>The content kind is not in the stage model. Argument: the kind.</summary>
    public const string UnknownKind = "unknown-kind";

    /// <summary>The stage is not in the stage model. Argument: the stage.</summary>
    public const string UnknownStage = "unknown-stage";

    /// <summary>A secondary stage is not in the stage model. Argument: the stage.</summary>
    public const string UnknownSecondaryStage = "unknown-secondary-stage";

    /// <summary>A secondary stage is the primary stage.</summary>
    public const string SecondaryIsPrimary = "secondary-is-primary";

    /// <summary>A secondary stage is listed twice.</summary>
    public const string SecondaryTwice = "secondary-twice";

    /// <summary>A topic is not a lower-case slug (letters, digits and hyphens). Argument: the topic.</summary>
    public const string TopicInvalid = "topic-invalid";

    /// <summary>More topics than <see cref="TopicAndOfferTags.MaxTopics"/>. Argument: the maximum.</summary>
    public const string TooManyTopics = "too-many-topics";

    /// <summary>The offer's address is neither a site path, an http(s) address nor a mailto: address. Argument: the address.</summary>
    public const string OfferUrlUnsafe = "offer-url-unsafe";

    /// <summary>An offer stage is not in the stage model. Argument: the stage.</summary>
    public const string OfferStageUnknown = "offer-stage-unknown";

    /// <summary>An offer's headline is longer than <see cref="TopicAndOfferTags.MaxHeadline"/>. Argument: the maximum.</summary>
    public const string OfferHeadlineTooLong = "offer-headline-too-long";

    /// <summary>An offer's sentence is longer than <see cref="TopicAndOfferTags.MaxText"/>. Argument: the maximum.</summary>
    public const string OfferTextTooLong = "offer-text-too-long";

    /// <summary>An offer's button label is longer than <see cref="TopicAndOfferTags.MaxButton"/>. Argument: the maximum.</summary>
    public const string OfferButtonTooLong = "offer-button-too-long";

    /// <summary>An offer has stages or an address but nothing to show: no headline, text or button.</summary>
    public const string OfferEmpty = "offer-empty";
}

/// <summary>Why tags were refused: a code of <see cref="TaggingProblemCodes"/> and the values its text names, no words.</summary>
public sealed record TaggingProblem
{
    /// <summary>Creates a problem with its code and arguments (<c>{0}</c>, <c>{1}</c>… of its text).</summary>
    public TaggingProblem(string code, params string?[] arguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        Code = code;
        Arguments = [.. arguments.Select(a => a ?? string.Empty)];
    }

    /// <summary>One of <see cref="TaggingProblemCodes"/>.</summary>
    public string Code { get; }

    /// <summary>The values the text names, in order.</summary>
    public IReadOnlyList<string> Arguments { get; }
}

/// <summary>Puts a <see cref="TaggingProblem"/> into an editor's words, from the text catalogue (key <c>Tagging.{code}</c>).</summary>
public static class TaggingProblemText
{
    /// <summary>The problem in <paramref name="language"/>.</summary>
    public static string Describe(this ITextCatalog texts, TaggingProblem problem, string language)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(problem);
        var lang = texts.Resolve(language);
        return string.Format(texts.Culture(lang), texts.Get("Tagging." + problem.Code, lang), [.. problem.Arguments]);
    }
}
