package io.downline.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import io.downline.platform.events.EmailAddress;

public class MemberEmailValidator implements ConstraintValidator<MemberEmail, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || EmailAddress.isValid(value);
    }
}
