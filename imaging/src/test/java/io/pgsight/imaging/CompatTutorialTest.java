package io.pgsight.imaging;

import io.pgsight.imaging.resample.Resampler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** compat/img_search_tutorial.sql: unshuffled patterns and signatures without text round trips. */
class CompatTutorialTest {

    @Test
    void signaturesAndSearches() {
        PsqlOutput out = CompatImages.expected("img_search_tutorial");
        Map<Integer, Pattern> patt = CompatImages.patterns(Resampler.GD_2_3_3);
        Map<Integer, Signature> sig = new java.util.TreeMap<>();
        patt.forEach((id, p) -> sig.put(id, ImgsmlrFunctions.patternToSignature(p)));

        List<String[]> sigs = out.table("select sig from img_vec order by id;");
        assertEquals(12, sigs.size());
        for (int id = 1; id <= 12; id++) {
            assertEquals(sigs.get(id - 1)[0], SignatureText.format(sig.get(id)), "id " + id);
        }

        int q = 5;
        List<String[]> bySig = out.table("select t1.id, t2.info, sig <-> (select sig from img_vec where id=5)");
        List<Integer> order = new ArrayList<>(sig.keySet());
        order.sort(Comparator.comparingDouble(id -> Distances.signatureDistance(sig.get(id), sig.get(q))));
        for (int k = 0; k < bySig.size(); k++) {
            assertEquals(bySig.get(k)[0], order.get(k).toString());
            assertTrue(PgNumbers.sameFloat4(bySig.get(k)[2], Distances.signatureDistance(sig.get(order.get(k)), sig.get(q))));
        }

        List<String[]> twoStage = out.table("select * from (select t1.id, t2.info, patt <-> (select patt from img_vec where id=5)");
        List<Integer> top = order.stream().filter(id -> id != q).limit(20)
                .sorted(Comparator.comparingDouble(id -> Distances.patternDistance(patt.get(id), patt.get(q))))
                .limit(10).toList();
        assertEquals(10, twoStage.size());
        for (int k = 0; k < 10; k++) {
            assertEquals(twoStage.get(k)[0], top.get(k).toString());
            assertTrue(PgNumbers.sameFloat4(twoStage.get(k)[2],
                    Distances.patternDistance(patt.get(top.get(k)), patt.get(q))));
        }
    }
}
