package io.downline.payout.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;

import io.downline.payout.config.PayoutConfig;

/**
 * The bank file: an ISO 20022 {@code pain.001.001.09} customer credit transfer initiation, one payment
 * information block debiting the company's account, one credit transfer per payout. Each transfer's
 * end-to-end id is the payout id (32 hex digits), so the bank's report maps back to the payout.
 */
final class Pain001Writer {

    private Pain001Writer() {
    }

    static String write(List<ExportLine> lines, PayoutConfig.Debtor debtor, String currency, UUID messageId,
            Instant now) {
        BigDecimal total = lines.stream().map(line -> line.payout().amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        String count = Integer.toString(lines.size());
        String id = compact(messageId);
        OffsetDateTime created = now.atOffset(ZoneOffset.UTC).withNano(0);

        GroupHeader85 header = new GroupHeader85().setMsgId(id).setCreDtTm(created).setNbOfTxs(count)
                .setCtrlSum(total).setInitgPty(new PartyIdentification135().setNm(debtor.name()));
        PaymentInstruction30 instruction = new PaymentInstruction30()
                .setPmtInfId(id)
                .setPmtMtd(PaymentMethod3Code.TRF)
                .setBtchBookg(Boolean.TRUE)
                .setNbOfTxs(count)
                .setCtrlSum(total)
                .setReqdExctnDt(new DateAndDateTime2Choice().setDt(LocalDate.ofInstant(now, ZoneOffset.UTC)))
                .setDbtr(new PartyIdentification135().setNm(debtor.name()))
                .setDbtrAcct(account(debtor.iban()))
                .setDbtrAgt(new BranchAndFinancialInstitutionIdentification6()
                        .setFinInstnId(new FinancialInstitutionIdentification18().setBICFI(debtor.bic())))
                .setChrgBr(ChargeBearerType1Code.SLEV);
        for (ExportLine line : lines) {
            instruction.addCdtTrfTxInf(new CreditTransferTransaction34()
                    .setPmtId(new PaymentIdentification6().setInstrId(compact(line.payout().id))
                            .setEndToEndId(compact(line.payout().id)))
                    .setAmt(new AmountType4Choice().setInstdAmt(
                            new ActiveOrHistoricCurrencyAndAmount().setCcy(currency).setValue(line.payout().amount)))
                    .setCdtr(new PartyIdentification135().setNm(line.method().holderName))
                    .setCdtrAcct(account(line.destination()))
                    .setRmtInf(new RemittanceInformation16().addUstrd("Downline payout " + line.payout().id)));
        }
        MxPain00100109 message = new MxPain00100109().setCstmrCdtTrfInitn(
                new CustomerCreditTransferInitiationV09().setGrpHdr(header).addPmtInf(instruction));
        return message.message();
    }

    private static CashAccount38 account(String iban) {
        return new CashAccount38().setId(new AccountIdentification4Choice().setIBAN(iban));
    }

    /** A UUID as 32 hex digits: ISO 20022 identifiers are at most 35 characters. */
    private static String compact(UUID id) {
        return id.toString().replace("-", "");
    }
}
