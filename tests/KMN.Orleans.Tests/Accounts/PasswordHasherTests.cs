using System.Diagnostics;
using KMN.Orleans.Grains.Accounts;
using Xunit.Abstractions;

namespace KMN.Orleans.Tests.Accounts;

public sealed class PasswordHasherTests(ITestOutputHelper output)
{
    [Fact]
    public void A_hash_verifies_its_password_only_and_records_the_iteration_count()
    {
        var watch = Stopwatch.StartNew();
        var hash = PasswordHasher.Hash("くまもと-correct-horse");
        output.WriteLine($"PBKDF2-SHA256 x{PasswordHasher.Iterations}: {watch.ElapsedMilliseconds} ms per hash");

        Assert.StartsWith("pbkdf2-sha256$600000$", hash);
        Assert.True(PasswordHasher.Verify("くまもと-correct-horse", hash));
        Assert.False(PasswordHasher.Verify("くまもと-correct-horsE", hash));
        Assert.False(PasswordHasher.Verify("", hash));
        Assert.NotEqual(hash, PasswordHasher.Hash("くまもと-correct-horse")); // fresh salt each time
    }

    [Fact]
    public void Composed_and_decomposed_Japanese_are_the_same_password()
    {
        var hash = PasswordHasher.Hash("パスワード12");

        Assert.True(PasswordHasher.Verify("ハ\u309Aスワート\u309912", hash));
    }

    [Theory]
    [InlineData("")]
    [InlineData("pbkdf2-sha256$abc$AAAA$AAAA")]
    [InlineData("md5$1$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$1000$not base64$AAAA")]
    public void A_malformed_stored_hash_never_verifies(string stored) =>
        Assert.False(PasswordHasher.Verify("anything", stored));

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("a", true)]
    public void Sign_in_passwords_outside_the_bounds_are_not_hashed(string? password, bool plausible)
    {
        Assert.Equal(plausible, PasswordRules.IsPlausible(password));
        Assert.False(PasswordRules.IsPlausible(new string('x', PasswordRules.MaximumLength + 1)));
        Assert.NotEmpty(PasswordRules.Validate("short"));
        Assert.NotEmpty(PasswordRules.Validate(new string('x', 10_000)));
        Assert.Empty(PasswordRules.Validate("long-enough-password"));
    }
}
