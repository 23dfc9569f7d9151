package vn.kehoach.project;

import java.util.Arrays;

/** Reads an enum constant by its name or its Vietnamese label, refusing anything else with the choices. */
final class Labels {

    /** A closed set whose constants carry a Vietnamese label. */
    interface Labelled {
        String label();
    }

    private Labels() {
    }

    static <E extends Enum<E> & Labelled> E parse(Class<E> type, String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("thiếu " + what);
        }
        String s = text.strip();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(s) || e.label().equalsIgnoreCase(s)) {
                return e;
            }
        }
        throw new IllegalArgumentException(what + " '" + text + "' không có; dùng một trong "
                + Arrays.toString(type.getEnumConstants()));
    }
}
