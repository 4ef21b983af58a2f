using System.Globalization;
using System.Numerics;
using System.Text;

namespace XGenEval.Benchmarks.Scorers.Text;

/// <summary>
/// Python's <c>int(str)</c> and <c>int(float)</c>: surrounding whitespace ignored, an optional sign, decimal digits
/// (any Unicode decimal digit) with single underscores between them; "14.0" and "1e3" are not integers (Python
/// raises ValueError). <c>int(float)</c> truncates toward zero and is exact for any finite float.
/// </summary>
public static class PythonInt
{
    public static bool TryParse(string text, out BigInteger value)
    {
        value = BigInteger.Zero;
        var digits = new StringBuilder(text.Length);
        int[] cps = PythonText.CodePoints(PythonText.Strip(text));
        int i = 0;
        bool negative = false;
        if (i < cps.Length && cps[i] is '+' or '-') negative = cps[i++] == '-';
        bool lastWasDigit = false;
        for (; i < cps.Length; i++)
        {
            int cp = cps[i];
            if (cp == '_')
            {
                // a single underscore, only between two digits
                if (!lastWasDigit || i + 1 >= cps.Length || DigitValue(cps[i + 1]) < 0) return false;
                lastWasDigit = false;
                continue;
            }
            int d = DigitValue(cp);
            if (d < 0) return false;
            digits.Append((char)('0' + d));
            lastWasDigit = true;
        }
        if (digits.Length == 0) return false;
        value = BigInteger.Parse(digits.ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
        if (negative) value = -value;
        return true;
    }

    /// <summary><c>int(x)</c> for a float: null for inf and nan (Python raises OverflowError / ValueError).</summary>
    public static BigInteger? Truncate(double x) => double.IsFinite(x) ? new BigInteger(Math.Truncate(x)) : null;

    static int DigitValue(int cp)
    {
        if (cp is >= '0' and <= '9') return cp - '0';
        if (cp > 0x7F && Rune.IsValid(cp) && Rune.GetUnicodeCategory(new Rune(cp)) == UnicodeCategory.DecimalDigitNumber)
            return (int)Rune.GetNumericValue(new Rune(cp));
        return -1;
    }
}
