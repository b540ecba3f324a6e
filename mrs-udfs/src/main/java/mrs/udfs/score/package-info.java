/**
 * Offline scoring of {@code timestamp,value} CSV series with the streaming detector: {@link
 * mrs.udfs.score.ScoreCommand} ({@code mrs score}) reads with {@link mrs.udfs.score.SeriesCsv}, learns
 * the periods from each series' warm-up prefix with {@link mrs.udfs.score.PeriodLearner} and scores point
 * by point with {@link mrs.udfs.score.SeriesScorer}.
 */
package mrs.udfs.score;
