package io.downline.payout.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.payout.config.PayoutConfig;
import io.downline.payout.domain.PayoutMethod;
import io.downline.payout.repository.PayoutMethodRepository;
import io.downline.payout.repository.PayoutRepository;
import io.downline.platform.domain.BusinessRuleException;

/** Approved payouts for the bank: a CSV of every one, and a pain.001 credit transfer file of the bank ones. */
@ApplicationScoped
public class BankFileService {

    private static final String CSV_HEADER =
            "payout_id,member_id,amount,currency,method,holder_name,wallet_name,destination,approved_at\r\n";

    private final PayoutRepository payouts;
    private final PayoutMethodRepository methods;
    private final PayoutMethodService methodService;
    private final PayoutConfig config;
    private final Clock clock;

    public BankFileService(PayoutRepository payouts, PayoutMethodRepository methods, PayoutMethodService methodService,
            PayoutConfig config, Clock clock) {
        this.payouts = payouts;
        this.methods = methods;
        this.methodService = methodService;
        this.config = config;
        this.clock = clock;
    }

    /** RFC 4180 CSV (CRLF line ends, fields quoted), oldest request first. */
    @Transactional
    public String csv() {
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        for (ExportLine line : approved()) {
            csv.append(String.join(",", List.of(
                    line.payout().id.toString(), line.payout().memberId.toString(), line.payout().amount.toPlainString(),
                    line.payout().currency, line.method().type.name(), quote(line.method().holderName),
                    quote(line.method().walletName == null ? "" : line.method().walletName), quote(line.destination()),
                    line.payout().decidedAt.toString()))).append("\r\n");
        }
        return csv.toString();
    }

    /** The pain.001.001.09 file of the approved payouts to bank accounts. */
    @Transactional
    public String pain001() {
        List<ExportLine> bank = approved().stream().filter(line -> line.method().type == PayoutMethod.Type.IBAN)
                .toList();
        if (bank.isEmpty()) {
            throw new BusinessRuleException("No approved payout to a bank account is waiting for the bank");
        }
        return Pain001Writer.write(bank, config.debtor(), config.currency(), UUID.randomUUID(), clock.instant());
    }

    private List<ExportLine> approved() {
        return payouts.approved().stream().map(payout -> {
            PayoutMethod method = methods.findById(payout.methodId);
            return new ExportLine(payout, method, methodService.destinationOf(method));
        }).toList();
    }

    private static String quote(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
