package io.downline.payout.domain;

import java.util.Locale;

import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

import io.downline.platform.domain.BusinessRuleException;

/** Validation and masking of payout destinations: an IBAN (check digits verified) or a wallet address. */
public final class Destinations {

    private Destinations() {
    }

    /** The IBAN in electronic form (no spaces, upper case), its country format and check digits verified. */
    public static String iban(String input) {
        String iban = input == null ? "" : input.replace(" ", "").toUpperCase(Locale.ROOT);
        try {
            IbanUtil.validate(iban);
            return iban;
        } catch (InvalidCheckDigitException e) {
            throw new BusinessRuleException("iban", "The IBAN's check digits are wrong");
        } catch (UnsupportedCountryException e) {
            throw new BusinessRuleException("iban", "The IBAN's country is not supported");
        } catch (IbanFormatException e) {
            throw new BusinessRuleException("iban", "The IBAN is malformed for its country");
        }
    }

    /** Country and check digits, then the last four characters: {@code DE89 **** 3000}. */
    public static String maskIban(String iban) {
        return iban.substring(0, 4) + " **** " + iban.substring(iban.length() - 4);
    }

    /** The first three and the last four characters of a longer address; only stars for a short one. */
    public static String maskAddress(String address) {
        if (address.length() <= 10) {
            return "****";
        }
        return address.substring(0, 3) + "****" + address.substring(address.length() - 4);
    }
}
