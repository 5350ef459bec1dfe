// publisher's driver for EPUBCheck: any number of EPUBs in one JVM (the command line
// checks one file per start, and a JVM start costs seconds). For each file it writes
// the same JSON report as `epubcheck FILE --json OUT` (EPUBCheck's own CheckingReport,
// default reporting level) to OUTDIR/<index>.json, index counting from 0.
//
// Usage: java -cp epubcheck.jar:<classes> EpubCheckBatch OUTDIR FILE.epub [FILE.epub ...]
// Exit: 0; a file that cannot be checked gets {"error": "..."} as its report.
import java.io.File;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.reporting.CheckingReport;

public class EpubCheckBatch {
    public static void main(String[] args) throws Exception {
        File outDir = new File(args[0]);
        for (int i = 1; i < args.length; i++) {
            File epub = new File(args[i]);
            File out = new File(outDir, (i - 1) + ".json");
            try (PrintWriter writer = new PrintWriter(out, StandardCharsets.UTF_8)) {
                CheckingReport report = new CheckingReport(writer, epub.getPath());
                report.initialize();
                new EpubCheck(epub, report).doValidate();
                report.generate();
            } catch (Exception | StackOverflowError e) {
                try (PrintWriter writer = new PrintWriter(out, StandardCharsets.UTF_8)) {
                    String text = String.valueOf(e).replace("\\", "\\\\").replace("\"", "\\\"");
                    writer.print("{\"error\": \"" + text.replaceAll("[\\x00-\\x1f]", " ") + "\"}");
                }
            }
        }
    }
}
