using KMN.Orleans.Grains.Abstractions.Access;
using KMN.Orleans.Web.Auth;

namespace KMN.Orleans.Web.Services.Access;

public enum ReviewCloseOutcome
{
    Closed,
    NoteRequired,
    AlreadyClosed,
    NotPermitted,
    Unavailable,
}

/// <summary>The operators' break-the-glass review queue: the open openings, and closing one with a note.</summary>
public sealed class ReviewService(ICurrentStaff staff, IAccessSource source)
{
    /// <summary>The open reviews, oldest first; null when nobody is signed in or the caller is not an operator.</summary>
    public async Task<Loaded<IReadOnlyList<BreakGlassReview>>?> OpenAsync()
    {
        if (await staff.GetAsync() is not { } caller)
            return null;
        try
        {
            return await Loaded.FromAsync<IReadOnlyList<BreakGlassReview>>(async () => [.. await source.OpenReviewsAsync(caller)]);
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>An empty note is refused here and changes nothing; the grain checks (and audits) the rest.</summary>
    public async Task<ReviewCloseOutcome> CloseAsync(long reviewId, string? note)
    {
        if (string.IsNullOrWhiteSpace(note))
            return ReviewCloseOutcome.NoteRequired;
        if (await staff.GetAsync() is not { } caller)
            return ReviewCloseOutcome.NotPermitted;
        try
        {
            return await source.CloseReviewAsync(caller, reviewId, note.Trim()) ? ReviewCloseOutcome.Closed : ReviewCloseOutcome.AlreadyClosed;
        }
        catch (UnauthorizedAccessException)
        {
            return ReviewCloseOutcome.NotPermitted;
        }
        catch (ArgumentException)
        {
            return ReviewCloseOutcome.NoteRequired;
        }
        catch (ClusterUnavailableException)
        {
            return ReviewCloseOutcome.Unavailable;
        }
    }
}
