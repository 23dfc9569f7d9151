package vn.kehoach.document.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.kehoach.orgunit.OrgUnitKind;

/** The words of each level at a date: what a district, a commune, a ward and a province call themselves. */
class WordingByLevelUnitTest {

    private static final LocalDate JULY_2021 = LocalDate.of(2021, 7, 30);
    private static final LocalDate JULY_2025 = LocalDate.of(2025, 7, 30);

    @Test
    void aDistrictACityAndATownOfAProvince() {
        Wording d = Wording.of(OrgUnitKind.DISTRICT, "Huyện Hạ Lang", JULY_2021);
        assertThat(d).isEqualTo(new Wording(Wording.Level.DISTRICT, "huyện", "toàn huyện", "UBND huyện", "HĐND huyện",
                "Huyện ủy", "xã, thị trấn", "Chi cục Thuế", "Phòng Tài chính - Kế hoạch huyện"));
        assertThat(Wording.of(OrgUnitKind.DISTRICT, "Thành phố Cao Bằng", JULY_2021).partyCommittee()).isEqualTo("Thành ủy");
        assertThat(Wording.of(OrgUnitKind.DISTRICT, "Thị xã Quảng Yên", JULY_2021).whole()).isEqualTo("toàn thị xã");
        assertThat(Wording.of(OrgUnitKind.DISTRICT, "Quận Ba Đình", JULY_2021).subUnits()).isEqualTo("phường");
    }

    @Test
    void aCommuneAWardAndATownHaveTheirOwnWords() {
        Wording x = Wording.of(OrgUnitKind.COMMUNE, "Xã Minh Long", JULY_2021);
        assertThat(x.whole()).isEqualTo("toàn xã");
        assertThat(x.council()).isEqualTo("HĐND xã");
        assertThat(x.partyCommittee()).isEqualTo("Đảng ủy xã");
        assertThat(x.subUnits()).isEqualTo("thôn, tổ dân phố");
        assertThat(x.levelNameUpper()).isEqualTo("XÃ");
        Wording p = Wording.of(OrgUnitKind.WARD, "Phường Thục Phán", JULY_2025);
        assertThat(p.committee()).isEqualTo("UBND phường");
        assertThat(p.subUnits()).isEqualTo("tổ dân phố");
        assertThat(p.planningOffice()).isEqualTo("Phòng Kinh tế, Hạ tầng và Đô thị");
        assertThat(Wording.of(OrgUnitKind.TOWN, "Thị trấn Thanh Nhật", JULY_2021).whole()).isEqualTo("toàn thị trấn");
        assertThat(Wording.of(OrgUnitKind.COMMUNE, "Xã Hạ Lang", JULY_2025).planningOffice()).isEqualTo("Phòng Kinh tế");
    }

    @Test
    void aProvinceCountsItsDistrictsUntilJuneTwentyTwentyFiveAndItsCommunesAndWardsAfter() {
        Wording before = Wording.of(OrgUnitKind.PROVINCE, "Tỉnh Cao Bằng", LocalDate.of(2024, 7, 30));
        assertThat(before.subUnits()).isEqualTo("huyện, thành phố");
        assertThat(before.planningOffice()).isEqualTo("Sở Kế hoạch và Đầu tư");
        assertThat(before.taxOffice()).isEqualTo("Cục Thuế tỉnh");
        Wording after = Wording.of(OrgUnitKind.PROVINCE, "Tỉnh Cao Bằng", JULY_2025);
        assertThat(after.subUnits()).isEqualTo("xã, phường");
        assertThat(after.subUnitsUpper()).isEqualTo("XÃ, PHƯỜNG");
        assertThat(after.subUnitsCapital()).isEqualTo("Xã, phường");
        assertThat(after.planningOffice()).isEqualTo("Sở Tài chính");
        assertThat(after.taxOffice()).isEqualTo("Thuế tỉnh");
        assertThat(after.partyCommittee()).isEqualTo("Tỉnh ủy");
        assertThat(Wording.of(OrgUnitKind.PROVINCE, "Tỉnh Cao Bằng", LocalDate.of(2025, 3, 1)).planningOffice())
                .isEqualTo("Sở Tài chính");
        assertThat(Wording.of(OrgUnitKind.PROVINCE, "Thành phố Hà Nội", JULY_2025).council()).isEqualTo("HĐND thành phố");
    }

    @Test
    void theLevelOfAKindDecidesTheShippedDefault() {
        assertThat(Wording.Level.of(OrgUnitKind.WARD)).isEqualTo(Wording.Level.COMMUNE);
        assertThat(Wording.Level.of(OrgUnitKind.TOWN)).isEqualTo(Wording.Level.COMMUNE);
        assertThat(Wording.Level.of(OrgUnitKind.DISTRICT)).isEqualTo(Wording.Level.DISTRICT);
        assertThat(Wording.Level.of(OrgUnitKind.PROVINCE)).isEqualTo(Wording.Level.PROVINCE);
    }
}
