package io.neuralworkbench.app.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Dependencies point one way: app -> designer, charts -> engine. Maven's module graph already forbids most
 * cycles; these rules also catch what it cannot, such as designer and charts reaching each other through the app.
 * The app module's test classpath holds every module, so all of them are checked here.
 */
@AnalyzeClasses(packages = "io.neuralworkbench", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringArchitectureTest {

    @ArchTest
    static final ArchRule engineDependsOnNothingOfOurs = noClasses()
            .that().resideInAPackage("io.neuralworkbench.engine..")
            .should().dependOnClassesThat(resideInAPackage("io.neuralworkbench..")
                    .and(not(resideInAPackage("io.neuralworkbench.engine.."))))
            .because("the engine is the headless core that the designer, the charts and the app all build on")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule designerKnowsNeitherChartsNorApp = noClasses()
            .that().resideInAPackage("io.neuralworkbench.designer..")
            .should().dependOnClassesThat().resideInAnyPackage("io.neuralworkbench.charts..", "io.neuralworkbench.app..")
            .because("the designer is a self-contained component that the app composes with the charts")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule chartsKnowNeitherDesignerNorApp = noClasses()
            .that().resideInAPackage("io.neuralworkbench.charts..")
            .should().dependOnClassesThat().resideInAnyPackage("io.neuralworkbench.designer..", "io.neuralworkbench.app..")
            .because("the charts are self-contained components that the app composes with the designer")
            .allowEmptyShould(false);
}
