using KMN.Orleans.Grains.Abstractions.Accounts;
using KMN.Orleans.Grains.Audit;
using Orleans.Concurrency;

namespace KMN.Orleans.Grains.Accounts;

/// <summary>
/// Routes a sign-in to the account bound to the presented card. Refusals decided at the edge and unknown
/// cards are audited here (there is no account to do it); everything else is decided and audited by the account.
/// </summary>
[StatelessWorker]
public sealed class SignInGrain(ISecurityEventStore audit, TimeProvider clock) : Grain, ISignInGrain
{
    public async Task<SignInResult> SignInAsync(CardVerdict card, string password, string? sourceAddress)
    {
        if (!card.Accepted || card.Facts is not { } facts)
        {
            var reason = card.Refusal == SignInReason.Ok ? SignInReason.NoCard : card.Refusal;
            await AuditRefusalAsync(reason, null, card.PresentedSerial, card.PresentedIssuer, card.PresentedSubject, sourceAddress);
            return SignInResult.Refused(reason);
        }
        var accountId = await GrainFactory.GetGrain<ICardBindingGrain>(facts.Thumbprint).GetAccountIdAsync();
        if (accountId is null)
        {
            await AuditRefusalAsync(SignInReason.UnknownCard, facts.Thumbprint, facts.SerialNumber, facts.Issuer, facts.Subject, sourceAddress);
            return SignInResult.Refused(SignInReason.UnknownCard, facts.Thumbprint);
        }
        return await GrainFactory.GetGrain<IStaffAccountGrain>(accountId).SignInAsync(facts, password, sourceAddress);
    }

    private Task AuditRefusalAsync(SignInReason reason, string? thumbprint, string? serial, string? issuer, string? subject, string? source) =>
        audit.AppendAsync(new SecurityEvent(clock.GetUtcNow(), SecurityActions.SignIn, false, reason.ToString(),
            CardThumbprint: thumbprint, CardSerial: serial, CardIssuer: issuer, SourceAddress: source,
            Detail: subject is null ? null : new Dictionary<string, string> { ["subject"] = subject }));
}
