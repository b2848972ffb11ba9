package io.downline.payout;

import static io.downline.payout.World.FINANCE_1;
import static io.downline.payout.World.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;

import io.downline.payout.World.Member;
import io.downline.payout.World.Payable;
import io.downline.platform.testing.DownlineTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Payout methods are encrypted at rest and masked; approved payouts leave as CSV and as pain.001. */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class BankFileTest extends LedgerChecks {

    private static final String FR_IBAN = "FR1420041010050500013M02606";

    @Test
    void methodsAreStoredEncryptedShownMaskedAndTheirIbanIsChecked() {
        Member m = World.member();
        UUID iban = World.ibanMethod(m);
        as(m.token()).body(Map.of("type", "WALLET", "holderName", "M", "walletName", "PayPal",
                "address", "member.wallet@example.com")).post("/api/payouts/methods").then().statusCode(201)
                .body("masked", equalTo("mem****.com"));
        as(m.token()).get("/api/payouts/methods/members/{id}", m.id()).then().statusCode(200)
                .body("masked", equalTo(List.of("DE89 **** 3000", "mem****.com")))
                .body("type", equalTo(List.of("IBAN", "WALLET")));
        byte[] secret = (byte[]) World.query("SELECT secret FROM payout_method WHERE id = ?", iban).get(0)[0];
        assertThat(new String(secret, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("0532013000");

        as(m.token()).body(Map.of("type", "IBAN", "holderName", "M", "iban", "DE88370400440532013000"))
                .post("/api/payouts/methods").then().statusCode(422).body("detail", containsString("check digits"));
        as(m.token()).body(Map.of("type", "IBAN", "holderName", "M")).post("/api/payouts/methods").then()
                .statusCode(400);
        as(m.token()).body(Map.of("type", "WALLET", "holderName", "M", "address", "x")).post("/api/payouts/methods")
                .then().statusCode(400);
    }

    @Test
    void approvedPayoutsAreExportedAsCsvAndAsAPain001FileWhoseSumsAndIbansParseBack() {
        Payable de = approved(World.payable("300.00"), "250.00");
        Member fr = World.member();
        World.fullKyc(fr);
        World.credit(fr, "80.00");
        UUID frMethod = UUID.fromString(as(fr.token()).body(Map.of("type", "IBAN", "holderName", "Jean \"JJ\" Dupont",
                "iban", FR_IBAN)).post("/api/payouts/methods").then().statusCode(201).extract().path("id"));
        Payable french = approved(new Payable(fr, frMethod, null), "75.50");
        Member wallet = World.member();
        World.fullKyc(wallet);
        World.credit(wallet, "90.00");
        UUID walletMethod = UUID.fromString(as(wallet.token()).body(Map.of("type", "WALLET", "holderName", "W",
                "walletName", "PayPal", "address", "w.member@example.com")).post("/api/payouts/methods").then()
                .statusCode(201).extract().path("id"));
        approved(new Payable(wallet, walletMethod, null), "90.00");

        String csv = as(FINANCE_1).get("/api/payouts/exports/csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv).startsWith("payout_id,member_id,amount,currency,method,holder_name,wallet_name,destination");
        assertThat(csv).contains(",250.00,USD,IBAN,", "\"DE89370400440532013000\"", "\"Jean \"\"JJ\"\" Dupont\"",
                "\"" + FR_IBAN + "\"", ",90.00,USD,WALLET,\"W\",\"PayPal\",\"w.member@example.com\"");

        String xml = as(FINANCE_1).get("/api/payouts/exports/pain001").then().statusCode(200).extract().asString();
        MxPain00100109 file = MxPain00100109.parse(xml);
        var initiation = file.getCstmrCdtTrfInitn();
        PaymentInstruction30 instruction = initiation.getPmtInf().get(0);
        List<CreditTransferTransaction34> transfers = instruction.getCdtTrfTxInf();
        BigDecimal sum = transfers.stream().map(t -> t.getAmt().getInstdAmt().getValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(initiation.getGrpHdr().getNbOfTxs()).isEqualTo(Integer.toString(transfers.size()));
        assertThat(initiation.getGrpHdr().getCtrlSum()).isEqualByComparingTo(sum);
        assertThat(instruction.getCtrlSum()).isEqualByComparingTo(sum);
        assertThat(instruction.getDbtrAcct().getId().getIBAN()).isEqualTo("DE89370400440532013000");
        assertThat(transfers).extracting(t -> t.getCdtrAcct().getId().getIBAN())
                .contains(World.IBAN, FR_IBAN).allSatisfy(iban -> org.iban4j.IbanUtil.validate(iban));
        assertThat(transfers).extracting(t -> t.getPmtId().getEndToEndId())
                .contains(payoutIdOf(french), payoutIdOf(de)).doesNotHaveDuplicates();
        CreditTransferTransaction34 toFrance = transfers.stream()
                .filter(t -> FR_IBAN.equals(t.getCdtrAcct().getId().getIBAN())).findFirst().orElseThrow();
        assertThat(toFrance.getAmt().getInstdAmt().getValue()).isEqualByComparingTo("75.50");
        assertThat(toFrance.getAmt().getInstdAmt().getCcy()).isEqualTo("USD");
        assertThat(toFrance.getCdtr().getNm()).isEqualTo("Jean \"JJ\" Dupont");
        assertThat(xml).doesNotContain("w.member@example.com");
    }

    private static Payable approved(Payable payable, String amount) {
        UUID id = UUID.fromString(World.requestPayout(payable, amount).then().statusCode(201).extract().path("id"));
        as(FINANCE_1).post("/api/payouts/{id}/approve", id).then().statusCode(200).body("status", equalTo("APPROVED"));
        as(FINANCE_1).queryParam("status", "APPROVED").queryParam("size", "100").get("/api/payouts").then()
                .body("items.id", hasItem(id.toString()));
        return payable;
    }

    private static String payoutIdOf(Payable payable) {
        return World.query("SELECT id FROM payout WHERE member_id = ?", payable.member().id()).get(0)[0].toString()
                .replace("-", "");
    }
}
