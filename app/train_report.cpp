#include "train_report.h"

#include "cli_common.h"
#include "io/json_text.h"

#include <cmath>
#include <cstdio>
#include <numbers>

namespace lstm::cli {

namespace {

QString duration(double seconds) {
  if (!std::isfinite(seconds))
    return QStringLiteral("?");
  const auto s = qint64(seconds + 0.5);
  if (s < 60)
    return QStringLiteral("%1s").arg(s);
  if (s < 3600)
    return QStringLiteral("%1m%2s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
  return QStringLiteral("%1h%2m").arg(s / 3600).arg((s / 60) % 60, 2, 10, QLatin1Char('0'));
}

// Three decimals for nats per character; three significant digits for the small mean squared errors of series.
QString loss(double value) {
  if (!std::isfinite(value))
    return QStringLiteral("—");
  return std::abs(value) < 0.1 ? QString::number(value, 'g', 3) : QString::number(value, 'f', 3);
}

void appendField(std::string &out, const char *name, double value) {
  out += ",\"";
  out += name;
  out += "\":";
  appendJsonNumber(out, value); // NaN (no validation yet) becomes null
}

} // namespace

void TrainReport::started() {
  const Corpus &corpus = m_trainer.corpus();
  const TrainerConfig &c = m_trainer.config();
  const Baselines &b = m_trainer.baselines();
  const QString text =
      QStringLiteral("training %1×%2 LSTM (%3 parameters, %4 input) on %5: %6 training and %7 validation characters, "
                     "%8 distinct; %9 iterations of %10 streams × %11 steps, %12 threads\n"
                     "baselines on the validation text: unigram %13, bigram %14 nats/char\n")
          .arg(c.numLayers)
          .arg(c.hiddenSize)
          .arg(m_trainer.model().parameters.size())
          .arg(c.embedDim > 0 ? QStringLiteral("%1-d embedding").arg(c.embedDim) : QStringLiteral("one-hot"))
          .arg(corpus.name)
          .arg(corpus.trainSize)
          .arg(corpus.size() - corpus.trainSize)
          .arg(corpus.vocabulary.size())
          .arg(m_trainer.totalIterations())
          .arg(c.batchSize)
          .arg(c.seqLength)
          .arg(c.threads)
          .arg(loss(b.unigram), loss(b.bigram));
  const QString seriesText =
      QStringLiteral("training %1×%2 LSTM (%3 parameters) to forecast \"%4\" of %5 one step ahead: %6 training and %7 "
                     "validation values (mean %8, standard deviation %9); %10 iterations of %11 streams × %12 steps, "
                     "%13 threads\nbaselines on the validation values (mean squared error, scaled): mean %14, last value %15\n")
          .arg(c.numLayers)
          .arg(c.hiddenSize)
          .arg(m_trainer.model().parameters.size())
          .arg(corpus.column, corpus.name)
          .arg(corpus.trainSize)
          .arg(corpus.size() - corpus.trainSize)
          .arg(corpus.scaling.mean, 0, 'g', 6)
          .arg(corpus.scaling.stddev, 0, 'g', 6)
          .arg(m_trainer.totalIterations())
          .arg(c.batchSize)
          .arg(c.seqLength)
          .arg(c.threads)
          .arg(loss(b.unigram), loss(b.bigram));
  // JSON lines go to stdout; this stays human
  std::fputs(qPrintable(corpus.isSeries() ? seriesText : text), stderr);
  if (m_trainer.iteration() > 0)
    std::fprintf(stderr, "resuming at iteration %lld\n", static_cast<long long>(m_trainer.iteration()));
}

void TrainReport::progress(const TrainingProgress &p) {
  if (m_style == Json) {
    std::string out = "{\"iter\":" + std::to_string(p.iteration);
    appendField(out, "epoch", p.epoch);
    appendField(out, "train_loss", p.smoothedLoss);
    appendField(out, "val_loss", p.validationLoss);
    appendField(out, "bits_per_char", p.bitsPerChar);
    appendField(out, "tokens_per_s", p.tokensPerSecond);
    appendField(out, "eta_s", p.etaSeconds);
    appendField(out, "elapsed_s", p.elapsedSeconds);
    appendField(out, "grad_norm", p.gradientNorm);
    out += p.evaluated ? ",\"evaluated\":true}" : ",\"evaluated\":false}";
    writeStdout(out);
    return;
  }
  const QString format = m_trainer.corpus().isSeries()
                             ? QStringLiteral("iter %1/%2  epoch %3  MSE %4  val %5%6  %7k values/s  ETA %8")
                             : QStringLiteral("iter %1/%2  epoch %3  loss %4  val %5 (%6 bpc)  %7k char/s  ETA %8");
  const QString status = QString(format)
                             .arg(p.iteration)
                             .arg(p.totalIterations)
                             .arg(p.epoch, 0, 'f', 2)
                             .arg(loss(p.smoothedLoss), loss(p.validationLoss),
                                  m_trainer.corpus().isSeries() ? QString() : loss(p.bitsPerChar))
                             .arg(p.tokensPerSecond / 1000.0, 0, 'f', 1)
                             .arg(duration(p.etaSeconds));
  if (m_style == Log) {
    if (p.evaluated)
      std::fprintf(stderr, "%s\n", qPrintable(status));
    return;
  }
  // Terminal: redraw at most ten times a second, and always at an evaluation or the end.
  const auto now = std::chrono::steady_clock::now();
  if (!p.evaluated && p.iteration != p.totalIterations && now - m_lastDraw < std::chrono::milliseconds(100))
    return;
  m_lastDraw = now;
  constexpr int kWidth = 24;
  const int filled = int(kWidth * double(p.iteration) / double(std::max<std::int64_t>(p.totalIterations, 1)));
  const QString bar = QString(filled, QLatin1Char('#')) + QString(kWidth - filled, QLatin1Char('.'));
  std::fprintf(stderr, "\r[%s] %3d%%  %s\033[K", qPrintable(bar), int(100 * p.iteration / std::max<std::int64_t>(p.totalIterations, 1)),
               qPrintable(status));
  m_barShown = true;
}

void TrainReport::clearBar() {
  if (m_barShown)
    std::fputs("\n", stderr);
  m_barShown = false;
}

void TrainReport::warning(const QString &message) {
  clearBar();
  std::fprintf(stderr, "warning: %s\n", qPrintable(message));
}

void TrainReport::finished(TrainingOutcome outcome, const QString &model, const QString &checkpoint) {
  clearBar();
  const Baselines &b = m_trainer.baselines();
  const double best = m_trainer.bestValidationLoss();
  if (m_trainer.outcome().isSet())
    std::fprintf(stderr, "%s\n", qPrintable(problemMessage(m_trainer.outcome())));
  std::fprintf(stderr, "saved the model to %s%s\n", qPrintable(model),
               checkpoint.isEmpty() ? ""
                                    : qPrintable(QStringLiteral(" and a checkpoint to %1 (continue with --resume %1)").arg(checkpoint)));
  const QString seriesSummary =
      QStringLiteral("best validation loss %1 (mean squared error, scaled) at iteration %2; baselines on the same values: "
                     "mean %3, last value %4")
          .arg(loss(best))
          .arg(m_trainer.bestIteration())
          .arg(loss(b.unigram), loss(b.bigram));
  const QString summary =
      m_trainer.corpus().isSeries() ? seriesSummary
      : std::isfinite(best)
          ? QStringLiteral("best validation loss %1 nats/char (%2 bits/char) at iteration %3; baselines on the same "
                           "text: unigram %4, bigram %5")
                .arg(best, 0, 'f', 4)
                .arg(best / std::numbers::ln2, 0, 'f', 4)
                .arg(m_trainer.bestIteration())
                .arg(loss(b.unigram), loss(b.bigram))
          : QStringLiteral("no validation loss (no held-out text or no evaluation reached); baselines: unigram %1, "
                           "bigram %2")
                .arg(loss(b.unigram), loss(b.bigram));
  if (m_style == Json) {
    std::string out = std::string("{\"done\":true,\"outcome\":\"") +
                      (outcome == TrainingOutcome::Finished ? "finished" : outcome == TrainingOutcome::Cancelled ? "cancelled" : "diverged") +
                      "\",\"iterations\":" + std::to_string(m_trainer.iteration());
    appendField(out, "best_val_loss", best);
    out += ",\"best_iteration\":" + std::to_string(m_trainer.bestIteration());
    appendField(out, "unigram_loss", b.unigram);
    appendField(out, "bigram_loss", b.bigram);
    out += ",\"model\":";
    appendJsonString(out, model.toStdString());
    out += ",\"checkpoint\":";
    if (checkpoint.isEmpty())
      out += "null";
    else
      appendJsonString(out, checkpoint.toStdString());
    writeStdout(out + "}");
  }
  std::fprintf(stderr, "%s\n", qPrintable(summary));
}

} // namespace lstm::cli
