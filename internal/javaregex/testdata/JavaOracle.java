// JavaOracle answers, for the differential test in oracle_test.go, what
// java.util.regex says about a list of patterns and inputs.
//
// Input (stdin), every string hex-encoded UTF-8 so that newlines and
// backslashes survive:
//
//	line 1:            N, the number of inputs
//	next N lines:      the inputs
//	each further line: a pattern
//
// Output (stdout), one line per pattern:
//
//	V <N characters: 1 = matches() is true, 0 = false, X = exception>
//	E <index> <hex-encoded description>   (PatternSyntaxException)
//	T <hex-encoded exception>             (any other exception from compile)
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.regex.*;

public class JavaOracle {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.US_ASCII)));
        int n = Integer.parseInt(in.readLine().trim());
        String[] inputs = new String[n];
        for (int i = 0; i < n; i++) inputs[i] = unhex(in.readLine());
        String line;
        while ((line = in.readLine()) != null) {
            Pattern p;
            try {
                p = Pattern.compile(unhex(line));
            } catch (PatternSyntaxException e) {
                out.println("E " + e.getIndex() + " " + hex(e.getDescription()));
                continue;
            } catch (Throwable e) {
                out.println("T " + hex(e.toString()));
                continue;
            }
            StringBuilder sb = new StringBuilder("V ");
            for (String s : inputs) {
                try {
                    sb.append(p.matcher(s).matches() ? '1' : '0');
                } catch (Throwable e) {
                    sb.append('X');
                }
            }
            out.println(sb);
        }
        out.flush();
    }

    static String unhex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++)
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        return new String(b, StandardCharsets.UTF_8);
    }

    static String hex(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) sb.append(String.format("%02x", b & 0xff));
        return sb.toString();
    }
}
