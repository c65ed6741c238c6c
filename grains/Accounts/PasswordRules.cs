namespace KMN.Orleans.Grains.Accounts;

/// <summary>
/// What a password must be. The upper bound protects the KDF from being fed megabytes; a sign-in with a
/// password outside the bounds is refused before hashing (InvalidPassword) and does not count as a guess.
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 128;

    /// <summary>Whether a sign-in attempt's password is worth hashing at all.</summary>
    public static bool IsPlausible(string? password) =>
        !string.IsNullOrEmpty(password) && password.Length <= MaximumLength;

    /// <summary>Problems with a new password (Japanese), empty when it is acceptable.</summary>
    public static IReadOnlyList<string> Validate(string? password)
    {
        if (string.IsNullOrWhiteSpace(password))
            return ["パスワードを入力してください。"];
        var problems = new List<string>();
        if (password.Length < MinimumLength)
            problems.Add($"パスワードは{MinimumLength}文字以上にしてください。");
        if (password.Length > MaximumLength)
            problems.Add($"パスワードは{MaximumLength}文字以内にしてください。");
        if (password.Any(char.IsControl))
            problems.Add("パスワードに制御文字は使えません。");
        return problems;
    }
}
