package exchange.safeguarding.kit.testing.openapi;

import io.smallrye.openapi.api.OpenApiConfig;
import io.smallrye.openapi.runtime.io.Format;
import io.smallrye.openapi.runtime.io.OpenApiParser;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.openapitools.openapistylevalidator.OpenApiSpecStyleValidator;
import org.openapitools.openapistylevalidator.ValidatorParameters;
import org.openapitools.openapistylevalidator.ValidatorParameters.NamingConvention;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The OpenAPI Style Validator with the platform's configuration. Every rule is on with its default except these,
 * each for a stated reason:
 * <ul>
 *   <li>info contact and licence: the platform has no published support contact or licence yet; an invented one
 *       would mislead integrators. (Info description stays on.)</li>
 *   <li>an example and a description on every model property: examples are given where integrators look for them,
 *       whole, on each request body and success response (checked by {@link PlatformRules} and matched against
 *       their schemas by {@link ExampleConformance}); property names are the domain's vocabulary, described in
 *       docs/*.md, and properties whose meaning is not obvious carry a description. (The rule also reads only the
 *       OpenAPI 3.0 {@code example}, not the 3.1 {@code examples} the services publish.)</li>
 * </ul>
 * Naming stays on with the defaults: paths in hyphen-case, parameters, properties and query parameters in camelCase,
 * schemas in PascalCase; headers in Hyphen-Upper-Case, the HTTP convention ({@code Last-Event-ID}), rather than the
 * default UNDERSCORE_UPPER_CASE.
 */
final class StyleRules {

    private StyleRules() {
    }

    static ValidatorParameters parameters() {
        return new ValidatorParameters()
                .setValidateInfoContact(false)
                .setValidateInfoLicense(false)
                .setValidateModelPropertiesExample(false)
                .setValidateModelPropertiesDescription(false)
                .setHeaderNamingConvention(NamingConvention.HyphenUpperCase);
    }

    static List<String> errors(String document) {
        OpenAPI model = OpenApiParser.parse(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)),
                Format.JSON, OpenApiConfig.fromConfig(ConfigProvider.getConfig()));
        return new OpenApiSpecStyleValidator(model).validate(parameters()).stream().map(Object::toString).toList();
    }
}
