package exchange.safeguarding.agreement.domain.agreement;

public enum ControllerRelationship {
    JOINT_CONTROLLERS, SEPARATE_CONTROLLERS
}
