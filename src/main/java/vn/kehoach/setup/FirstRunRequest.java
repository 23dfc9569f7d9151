package vn.kehoach.setup;

import vn.kehoach.orgunit.OrgUnitDraft;

/**
 * What {@code kehoach init} asks for.
 *
 * @param root           the root org unit (no parent)
 * @param adminUsername  the first administrator's login, ADMIN at the root
 * @param adminName      their display name, or null for the login
 * @param password       their password (at least 8 characters, as for every user)
 * @param starterCatalog whether to load the starter catalog ({@link FirstRun#STARTER_CATALOG})
 */
public record FirstRunRequest(OrgUnitDraft root, String adminUsername, String adminName, String password,
                              boolean starterCatalog) {

    public FirstRunRequest {
        if (root == null) {
            throw new IllegalArgumentException("thiếu đơn vị gốc");
        }
        if (root.parentCode() != null) {
            throw new IllegalArgumentException("đơn vị gốc '" + root.code() + "' không có đơn vị cấp trên");
        }
    }
}
