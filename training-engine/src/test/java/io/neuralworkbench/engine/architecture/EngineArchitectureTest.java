package io.neuralworkbench.engine.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The enforcer's bannedDependencies keeps UI libraries off the engine's classpath; this checks the code itself. */
@AnalyzeClasses(packages = "io.neuralworkbench.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {

    @ArchTest
    static final ArchRule engineUsesNoUiToolkit = noClasses()
            .that().resideInAPackage("io.neuralworkbench.engine..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "org.controlsfx..", "io.fair_acc..", "de.gsi..", "atlantafx..")
            .because("the engine must run headless (command line, servers, CI) where no UI toolkit is available")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule engineKnowsNoOtherModule = noClasses()
            .that().resideInAPackage("io.neuralworkbench.engine..")
            .should().dependOnClassesThat(resideInAPackage("io.neuralworkbench..")
                    .and(not(resideInAPackage("io.neuralworkbench.engine.."))))
            .because("the engine is the bottom layer every front end builds on, so it cannot know any of them")
            .allowEmptyShould(false);
}
