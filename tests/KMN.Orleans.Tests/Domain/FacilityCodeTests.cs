using KMN.Orleans.Grains.Demo;

namespace KMN.Orleans.Tests.Domain;

public sealed class FacilityCodeTests
{
    // Worked by hand: 4 3 1 1 2 3 4 5 6, weights 2,1,2,… from the right, digit sums 3+5+8+3+4+1+2+3+8 = 37 → 3.
    [Theory]
    [InlineData(1, 123456, "4311234563")]
    [InlineData(4, 0, "4340000001")]
    [InlineData(3, 999999, "4339999999")]
    public void Create_appends_the_modulus_10_check_digit(int feeTable, int number, string expected)
    {
        Assert.Equal(expected, FacilityCode.Create(feeTable, number));
        Assert.True(FacilityCode.IsValid(expected));
    }

    [Fact]
    public void Every_single_digit_error_is_detected()
    {
        var code = FacilityCode.Create(1, 123456);
        for (var position = 0; position < code.Length; position++)
        {
            foreach (var digit in "0123456789".Where(d => d != code[position]))
            {
                var typo = string.Concat(code.AsSpan(0, position), digit.ToString(), code.AsSpan(position + 1));
                Assert.False(FacilityCode.IsValid(typo), $"{typo} should be invalid");
            }
        }
    }

    [Theory]
    [InlineData("431123456")]
    [InlineData("43112345630")]
    [InlineData("431123456A")]
    [InlineData("４３１１２３４５６３")]
    [InlineData("")]
    public void IsValid_rejects_wrong_length_and_non_ascii_digits(string code)
    {
        Assert.False(FacilityCode.IsValid(code));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_000)]
    public void Create_rejects_numbers_outside_six_digits(int number)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FacilityCode.Create(1, number));
    }
}
