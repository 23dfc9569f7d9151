package vn.kehoach.signing;

import java.util.List;

/** The verdict on a PDF's signatures: valid when it has at least one and every one is valid. */
public record Verification(String file, List<SignatureCheck> signatures) {

    public Verification {
        signatures = List.copyOf(signatures);
    }

    public boolean signed() {
        return !signatures.isEmpty();
    }

    public boolean valid() {
        return signed() && signatures.stream().allMatch(SignatureCheck::valid);
    }
}
