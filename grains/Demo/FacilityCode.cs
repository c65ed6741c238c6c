namespace KMN.Orleans.Grains.Demo;

/// <summary>
/// Builds 10-digit facility codes shaped like 医療機関コード: prefecture (2 digits, 熊本 = 43), fee-table
/// digit (1 医科, 3 歯科, 4 薬局; 6 for care services here), a 6-digit number and a check digit.
/// </summary>
public static class FacilityCode
{
    public const string KumamotoPrefecture = "43";

    public static string Create(int feeTable, int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 999_999);
        var body = $"{KumamotoPrefecture}{feeTable}{number:D6}";
        return body + CheckDigit(body);
    }

    /// <summary>Modulus-10 check digit with alternating weights 2 and 1 from the right.</summary>
    public static int CheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            var weighted = i % 2 == 0 ? d * 2 : d;
            sum += weighted / 10 + weighted % 10;
        }
        return (10 - sum % 10) % 10;
    }

    public static bool IsValid(string code) =>
        code.Length == 10 && code.All(char.IsAsciiDigit) && CheckDigit(code[..9]) == code[9] - '0';
}
