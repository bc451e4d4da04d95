package org.consentplatform.adapter.out.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.consentplatform.application.port.out.ReportCounters;
import org.consentplatform.domain.consent.ConsentChange;
import org.consentplatform.domain.contactpoint.Channel;
import org.consentplatform.domain.report.CountedState;
import org.consentplatform.domain.report.CounterDeltas;
import org.consentplatform.domain.report.DayFigures;
import org.consentplatform.domain.report.Series;
import org.consentplatform.domain.shared.TechnicalId;
import org.consentplatform.domain.tenant.TenantId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Report counters fed by the change log, exactly once without transactions:
 * <ol>
 *   <li>a batch is first written whole to {@code report_batches} under a new, increasing number;</li>
 *   <li>each counter it touches is updated only if its {@code batch} field is below that number, and
 *       then takes it, so a batch applied twice moves no counter twice;</li>
 *   <li>its changes are marked {@code counted}, and the batch document is deleted.</li>
 * </ol>
 * A run interrupted anywhere leaves the batch document behind, and {@link #finishInterrupted}
 * replays steps 2 and 3 before anything new is counted.
 */
public final class MongoReportCounters implements ReportCounters {

    private static final Document UNCOUNTED = new Document("counted", false);
    private static final String SEQUENCE = "sequence";

    private final MongoCollection<Document> changes;
    private final MongoCollection<Document> batches;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> days;

    public MongoReportCounters(MongoStore store) {
        this.changes = store.collection(MongoStore.CHANGES);
        this.batches = store.collection(MongoStore.REPORT_BATCHES);
        this.counters = store.collection(MongoStore.REPORT_COUNTERS);
        this.days = store.collection(MongoStore.REPORT_DAYS);
    }

    @Override
    public void finishInterrupted() {
        for (Document batch : batches.find(Filters.exists("changeIds")).sort(new Document("_id", 1))) {
            apply(batch);
        }
    }

    @Override
    public List<ConsentChange> uncounted(int limit) {
        // sums do not depend on order: no sort, which a server without the partial index would do over every change
        return changes.find(UNCOUNTED).limit(limit).map(Documents::change).into(new ArrayList<>());
    }

    @Override
    public void add(Collection<String> changeIds, CounterDeltas deltas) {
        apply(writeAhead(changeIds, deltas));
    }

    /** Step 1: the batch, whole, under a number greater than any before it. */
    Document writeAhead(Collection<String> changeIds, CounterDeltas deltas) {
        long number = batches.findOneAndUpdate(new Document("_id", SEQUENCE), Updates.inc("last", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)).getLong("last");
        var states = new ArrayList<Document>();
        deltas.states().forEach((series, counts) -> {
            var doc = new Document();
            counts.forEach((state, delta) -> doc.append(state.name(), delta));
            states.add(new Document("series", series(series)).append("deltas", doc));
        });
        var dayDeltas = new ArrayList<Document>();
        deltas.days().forEach((day, figures) -> dayDeltas.add(figures(figures)
                .append("series", series(day.series())).append("day", day.day().toString())));
        Document batch = new Document("_id", number).append("changeIds", List.copyOf(changeIds))
                .append("states", states).append("days", dayDeltas);
        batches.insertOne(batch);
        return batch;
    }

    /** Steps 2 and 3, which may run again for the same batch. */
    void apply(Document batch) {
        long number = batch.getLong("_id");
        var counterWrites = new ArrayList<WriteModel<Document>>();
        for (Document line : batch.getList("states", Document.class)) {
            Document series = line.get("series", Document.class);
            var inc = new ArrayList<Bson>();
            line.get("deltas", Document.class).forEach((state, delta) -> inc.add(Updates.inc("states." + state, (Long) delta)));
            counterWrites.add(guarded(seriesId(series), number, series, inc));
        }
        applyOnce(counters, counterWrites);
        var dayWrites = new ArrayList<WriteModel<Document>>();
        for (Document line : batch.getList("days", Document.class)) {
            Document series = line.get("series", Document.class);
            String day = line.getString("day");
            var inc = new ArrayList<Bson>();
            for (String figure : List.of("optIns", "optOuts", "expiries", "renewals")) {
                inc.add(Updates.inc(figure, line.getLong(figure)));
            }
            inc.add(Updates.set("day", day));
            dayWrites.add(guarded(seriesId(series) + "|" + day, number, series, inc));
        }
        applyOnce(days, dayWrites);
        var counted = new ArrayList<UpdateOneModel<Document>>();
        for (String id : batch.getList("changeIds", String.class)) {
            counted.add(new UpdateOneModel<>(new Document("_id", id), Updates.set("counted", true)));
        }
        if (!counted.isEmpty()) {
            changes.bulkWrite(counted, new BulkWriteOptions().ordered(false));
        }
        batches.deleteOne(new Document("_id", number));
    }

    /** An upsert that matches only a counter this batch has not updated yet; on one it has, it collides on _id. */
    private static UpdateOneModel<Document> guarded(String id, long batch, Document series, List<Bson> updates) {
        var all = new ArrayList<>(updates);
        all.add(Updates.set("batch", batch));
        series.forEach((field, value) -> all.add(Updates.set(field, value)));
        return new UpdateOneModel<>(Filters.and(Filters.eq("_id", id), Filters.lt("batch", batch)), Updates.combine(all),
                new UpdateOptions().upsert(true));
    }

    /** Writes the updates; one refused as a duplicate was applied by an earlier attempt of the same batch. */
    private static void applyOnce(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        if (writes.isEmpty()) {
            return;
        }
        try {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Map<Series, Map<CountedState, Long>> states(TenantId tenant, TechnicalId profileId) {
        var result = new HashMap<Series, Map<CountedState, Long>>();
        for (Document doc : counters.find(scope(tenant, profileId))) {
            var counts = new EnumMap<CountedState, Long>(CountedState.class);
            Document states = doc.get("states", Document.class);
            if (states != null) {
                states.forEach((state, count) -> counts.put(CountedState.valueOf(state), ((Number) count).longValue()));
            }
            result.put(series(tenant, doc), counts);
        }
        return result;
    }

    @Override
    public Map<Series, Map<LocalDate, DayFigures>> days(TenantId tenant, TechnicalId profileId, LocalDate from, LocalDate to) {
        var result = new HashMap<Series, Map<LocalDate, DayFigures>>();
        Bson filter = Filters.and(scope(tenant, profileId), Filters.gte("day", from.toString()), Filters.lte("day", to.toString()));
        for (Document doc : days.find(filter)) {
            var figures = new DayFigures(number(doc, "optIns"), number(doc, "optOuts"), number(doc, "expiries"), number(doc, "renewals"));
            if (!figures.isZero()) {
                result.computeIfAbsent(series(tenant, doc), s -> new HashMap<>()).put(LocalDate.parse(doc.getString("day")), figures);
            }
        }
        return result;
    }

    private static Bson scope(TenantId tenant, TechnicalId profileId) {
        return profileId == null ? Filters.eq("tenant", tenant.value())
                : Filters.and(Filters.eq("tenant", tenant.value()), Filters.eq("profileId", profileId.value()));
    }

    private static long number(Document doc, String field) {
        Object value = doc.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Document series(Series series) {
        return new Document("tenant", series.tenant().value())
                .append("profileId", series.profileId().value())
                .append("purposeId", series.purposeId().value())
                .append("topicId", series.topicId() == null ? null : series.topicId().value())
                .append("channel", series.channel().toString());
    }

    private static Series series(TenantId tenant, Document doc) {
        String topic = doc.getString("topicId");
        return new Series(tenant, new TechnicalId(doc.getString("profileId")), new TechnicalId(doc.getString("purposeId")),
                topic == null ? null : new TechnicalId(topic), new Channel(new TechnicalId(doc.getString("channel"))));
    }

    private static String seriesId(Document series) {
        return series(new TenantId(series.getString("tenant")), series).value();
    }

    private static Document figures(DayFigures figures) {
        return new Document("optIns", figures.optIns()).append("optOuts", figures.optOuts())
                .append("expiries", figures.expiries()).append("renewals", figures.renewals());
    }
}
