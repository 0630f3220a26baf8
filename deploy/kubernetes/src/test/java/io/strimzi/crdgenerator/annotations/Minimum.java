package io.strimzi.crdgenerator.annotations;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * The least value of this integer property.
 *
 * <p>Strimzi's CRD schemas are generated from these annotations on its Java model (io.strimzi:api), but the annotation
 * types are build-time only and not published. Declared here with the same name and element, reflection reads them
 * from the model, so {@code StrimziResources} applies the constraints the CRDs are made of.
 */
@Retention(RetentionPolicy.RUNTIME)
public @interface Minimum {
    int value();
}
