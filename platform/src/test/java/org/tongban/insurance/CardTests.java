package org.tongban.insurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.officerOf;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.casework.Applications;
import org.tongban.casework.CaseQueries;
import org.tongban.casework.Casework;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.casework.CaseworkFixtures.Applicant;
import org.tongban.casework.Channel;
import org.tongban.casework.NewApplication;
import org.tongban.casework.RegionBasis;
import org.tongban.catalogue.ServiceCatalogue;
import org.tongban.shared.PlatformSignatures;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import tools.jackson.databind.json.JsonMapper;

/**
 * The social security card (#14.3): issued by an approved 申领 case, activated, lost temporarily by phone with the
 * agent's identity check (at once, lapsing after the days), lost formally, replaced through a 补换 case; the state is
 * checked wherever the card is used; the electronic card's code verifies offline against the published key and stops
 * verifying when it expires or the card is lost.
 */
@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@Tag("persistence")
class CardTests {

  static final String COUNTY = "210106";

  @Autowired Cards cards;
  @Autowired ElectronicCards ecards;
  @Autowired PlatformSignatures signatures;
  @Autowired Applications applications;
  @Autowired Casework casework;
  @Autowired CaseQueries cases;
  @Autowired ServiceCatalogue catalogue;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired OrganisationDirectory organisations;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  CaseworkFixtures fixtures;

  @BeforeEach
  void offices() {
    fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    fixtures.office("hrss", COUNTY);
    fixtures.office("hrss", "2101");
  }

  private void approved(Applicant person, String item) {
    var c = as(person.user(), () -> applications.apply(new NewApplication(item, person.person().id(), Channel.WEB,
        RegionBasis.RESIDENCE, null, json.readTree("""
            {"applicantName":"%s","contactPhone":"13800007777","deliveryAddress":"沈阳市铁西区兴华街1号"}"""
            .formatted(person.person().name())), null, null)));
    CaseworkFixtures.supplyRequired(casework, cases, catalogue, person.user(), c.id());
    fixtures.approve(casework, cases, person.user(), c.id(), fixtures.office("hrss", "2101"));
  }

  private Applicant holder(String name) {
    var person = fixtures.resident(name, COUNTY);
    approved(person, Cards.APPLICATION_ITEM);
    return person;
  }

  @Test
  void anApprovedApplicationIssuesOneCardWhichTheHolderActivates() {
    var person = holder("卡申领人");
    var id = person.person().id().value();
    var issued = cards.inForce(id).orElseThrow();
    assertThat(issued.status()).isEqualTo(Card.Status.ISSUED);
    assertThat(issued.city().value()).isEqualTo("210100000000");
    assertThat(issued.maskedNumber()).contains("*****").doesNotContain(issued.number().substring(2, 8));
    // Not usable before activation: no electronic card, refused at a window.
    assertThatThrownBy(() -> as(person.user(), () -> ecards.show())).isInstanceOf(InsuranceRefusals.CardNotUsable.class);
    assertThatThrownBy(() -> cards.use(issued.number(), "test-window")).isInstanceOf(InsuranceRefusals.CardNotUsable.class);
    assertThat(as(person.user(), () -> cards.activate()).status()).isEqualTo(Card.Status.ACTIVE);
    assertThatThrownBy(() -> as(person.user(), () -> cards.activate())).isInstanceOf(InsuranceRefusals.CardWrongState.class);
    assertThat(cards.use(issued.number(), "test-window").status()).isEqualTo(Card.Status.ACTIVE);
    // A second application while a card is in force issues nothing.
    approved(person, Cards.APPLICATION_ITEM);
    assertThat(cards.of(id)).hasSize(1);
  }

  @Test
  void aPhoneReportStopsTheCardAtOnceAndLapsesAfterTheDays() {
    var person = holder("电话挂失人");
    var id = person.person().id().value();
    as(person.user(), () -> cards.activate());
    var agent = officerOf("21", "hrss");
    assertThatThrownBy(() -> as(agent, () -> cards.reportLostFor(id, Cards.Channel.PHONE, " ")))
        .isInstanceOf(InsuranceRefusals.IdentityCheckRequired.class);
    // An agent of another city does not reach the card.
    assertThatThrownBy(() -> as(officerOf("2102", "hrss"), () -> cards.reportLostFor(id, Cards.Channel.PHONE,
        "核对姓名、身份证后四位和预留手机号"))).isInstanceOf(InsuranceRefusals.CardNotFound.class);
    var lost = as(agent, () -> cards.reportLostFor(id, Cards.Channel.PHONE, "核对姓名、身份证后四位和预留手机号"));
    assertThat(lost.status()).isEqualTo(Card.Status.TEMP_LOST);
    assertThat(lost.lostChannel()).isEqualTo("PHONE");
    assertThat(lost.lostUntil()).isAfter(Instant.now().plusSeconds(4 * 86_400));
    assertThatThrownBy(() -> cards.use(lost.number(), "pharmacy")).isInstanceOf(InsuranceRefusals.CardNotUsable.class);
    assertThatThrownBy(() -> as(person.user(), () -> ecards.show())).isInstanceOf(InsuranceRefusals.CardNotUsable.class);

    // The days pass without a formal report: the card works again.
    jdbc.sql("update insurance.card set lost_until = now() - interval '1 minute' where id = ?").param(lost.id()).update();
    assertThat(cards.use(lost.number(), "pharmacy").status()).isEqualTo(Card.Status.ACTIVE);
    // Reported again online, then made formal: ended for good; a 补换 case gives a new card.
    as(person.user(), () -> cards.reportLostOnline());
    assertThat(as(person.user(), () -> cards.reportLostFormally()).status()).isEqualTo(Card.Status.LOST);
    assertThat(cards.inForce(id)).isEmpty();
    approved(person, Cards.REPLACEMENT_ITEM);
    var all = cards.of(id);
    assertThat(all).extracting(Card::status).containsExactly(Card.Status.ISSUED, Card.Status.REPLACED);
    assertThat(all.getFirst().number()).isNotEqualTo(all.get(1).number());
    assertThatThrownBy(() -> cards.use(all.get(1).number(), "window")).isInstanceOf(InsuranceRefusals.CardNotUsable.class);
  }

  @Test
  void theElectronicCardVerifiesOfflineAgainstThePublishedKeyUntilItExpires() throws Exception {
    var person = holder("电子卡持卡人");
    as(person.user(), () -> cards.activate());
    var code = as(person.user(), () -> ecards.show());
    assertThat(code.expiresAt()).isBefore(Instant.now().plusSeconds(4 * 60)).isAfter(Instant.now());

    // Offline: only the JWK set the platform publishes, and a JOSE library.
    var jwks = JWKSet.parse(mvc.perform(get("/oauth2/jwks")).andReturn().getResponse().getContentAsString());
    var jws = JWSObject.parse(code.jws());
    var key = (RSAKey) jwks.getKeyByKeyId(jws.getHeader().getKeyID());
    assertThat(key.isPrivate()).isFalse();
    assertThat(jws.verify(new RSASSAVerifier(key))).isTrue();
    assertThat(jws.getHeader().getType().getType()).isEqualTo(ElectronicCards.TYPE);
    var claims = jws.getPayload().toJSONObject();
    assertThat(claims.get("sub").toString()).doesNotContain(person.person().id().value().toString());
    assertThat(claims).doesNotContainKeys("name", "idNumber");

    // At a window: the holder, masked.
    var holder = as(officerOf("21", "hrss"), () -> ecards.verify(code.jws(), "test-window"));
    assertThat(holder.name()).startsWith(person.person().name().substring(0, 1)).contains("*");
    assertThat(holder.status()).isEqualTo(Card.Status.ACTIVE);

    // A tampered code and an expired one do not verify.
    String tampered = code.jws().substring(0, code.jws().length() - 4) + "AAAA";
    assertThatThrownBy(() -> ecards.verify(tampered, "w")).isInstanceOf(InsuranceRefusals.ElectronicCardInvalid.class);
    String expired = signatures.sign(ElectronicCards.TYPE, Map.of("sub", claims.get("sub"), "exp",
        Instant.now().minusSeconds(1).getEpochSecond()));
    assertThatThrownBy(() -> ecards.verify(expired, "w")).isInstanceOf(InsuranceRefusals.ElectronicCardInvalid.class);
    // Another type signed by the same key (an ID token, say) is not an electronic card.
    String other = signatures.sign("JWT", Map.of("sub", claims.get("sub"), "exp", Instant.now().plusSeconds(60).getEpochSecond()));
    assertThatThrownBy(() -> ecards.verify(other, "w")).isInstanceOf(InsuranceRefusals.ElectronicCardInvalid.class);

    // Reported lost: a code shown before no longer passes the window's check.
    as(person.user(), () -> cards.reportLostOnline());
    assertThatThrownBy(() -> ecards.verify(code.jws(), "w")).isInstanceOf(InsuranceRefusals.CardNotUsable.class);
  }
}
