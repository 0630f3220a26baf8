package exchange.safeguarding.sharing.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

import java.util.List;

/** The HAPI FHIR R4 instance validator, built once (its first use loads the core definitions). */
public final class FhirValidation {

    private static final FhirContext CONTEXT = FhirContext.forR4();
    private static FhirValidator validator;

    private FhirValidation() {
    }

    /** ERROR and FATAL messages for the resource; empty means it is valid R4. */
    public static synchronized List<String> errors(String json) {
        if (validator == null) {
            ValidationSupportChain chain = new ValidationSupportChain(
                    new DefaultProfileValidationSupport(CONTEXT),
                    new CommonCodeSystemsTerminologyService(CONTEXT),
                    new InMemoryTerminologyServerValidationSupport(CONTEXT),
                    new SnapshotGeneratingValidationSupport(CONTEXT));
            validator = CONTEXT.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
        }
        return validator.validateWithResult(json).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(FhirValidation::describe).toList();
    }

    private static String describe(SingleValidationMessage m) {
        return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
    }
}
