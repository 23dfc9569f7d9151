package vn.kehoach.cli.internal;

import picocli.CommandLine.Option;
import vn.kehoach.format.Csv;

/**
 * {@code --separator comma|semicolon} of the commands that write CSV: comma (the default, as programs read it) or
 * semicolon with decimal commas, as Excel set to Vietnamese opens a file ({@link Csv#separated}).
 */
class SeparatorOption {

    @Option(names = "--separator", paramLabel = "comma|semicolon", defaultValue = "comma",
            description = "Dấu phân cách của CSV: comma (mặc định) hoặc semicolon (Excel tiếng Việt: dấu chấm phẩy, "
                    + "số thập phân dấu phẩy).")
    String separator;

    /** The CSV in the chosen separator. */
    String apply(String csv) {
        return Csv.separated(csv, separator);
    }
}
