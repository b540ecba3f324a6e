package mrs.udfs.attribution;

import java.util.List;

public class ScratchMain {
    public static void main(String[] a) throws Exception {
        AttributionModel m = new AttributionModel(Taxonomy.load(java.nio.file.Path.of(a[0])));
        for (var c : List.of(CaseStudies.jupyterFirst(), CaseStudies.jupyterRefreshed(), CaseStudies.tillFault(),
                CaseStudies.birminghamStockOut(), CaseStudies.tvFeature(), CaseStudies.podcast(),
                CaseStudies.waterloo(), CaseStudies.deliveroo(), CaseStudies.norwich(),
                CaseStudies.feedCorruptionSignalled(), CaseStudies.feedCorruptionUnsignalled(),
                CaseStudies.injectedViral())) {
            Proposal p = m.propose(c.report(), c.signals());
            System.out.printf("%-28s %s%n", c.name(), m.distribution(c.report(), c.signals()).subList(0, 4).stream()
                    .map(x -> x.cause() + "=" + x.confidence()).toList());
            if (System.getenv("NARR") != null) {
                System.out.println("   " + p.narrative());
                System.out.println("   " + p.evidence());
            }
        }
    }
}
