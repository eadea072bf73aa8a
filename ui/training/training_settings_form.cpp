#include "training_settings_form.h"

#include "common/problem_text.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QThread>

#include <algorithm>
#include <limits>
#include <utility>

namespace lstm {

namespace {
constexpr std::int64_t kSmallCorpus = 100000; // characters; below this a one-layer model overfits less
constexpr double kSuggestedEpochs = 20.0;
constexpr double kSeriesLearningRate = 0.005;
constexpr std::int64_t kMinSeriesIterations = 500;
} // namespace

TrainingSettingsForm::TrainingSettingsForm(QWidget *parent) : QWidget(parent) {
  setObjectName(QStringLiteral("trainingSettingsForm"));
  auto *form = m_form = new QFormLayout(this);

  m_hidden = addSpin(QStringLiteral("hiddenSpin"), 0, 4096);
  m_layers = addSpin(QStringLiteral("layersSpin"), 1, 8);
  m_embed = addSpin(QStringLiteral("embedSpin"), 0, 1024);
  m_seq = addSpin(QStringLiteral("seqSpin"), 1, 100000);
  m_batch = addSpin(QStringLiteral("batchSpin"), 1, 4096);

  m_lr = new QDoubleSpinBox(this);
  m_lr->setObjectName(QStringLiteral("lrSpin"));
  m_lr->setDecimals(5);
  m_lr->setRange(0.00001, 10.0);
  m_lr->setSingleStep(0.0005);
  connect(m_lr, &QDoubleSpinBox::valueChanged, this, [this] { revalidate(); });

  m_optimizer = new QComboBox(this);
  m_optimizer->setObjectName(QStringLiteral("optimizerCombo"));
  for (OptimizerKind kind : {OptimizerKind::Adam, OptimizerKind::RmsProp, OptimizerKind::Sgd})
    m_optimizer->addItem(QString::fromLatin1(toString(kind)), int(kind));
  connect(m_optimizer, &QComboBox::currentIndexChanged, this, [this] { revalidate(); });

  m_clip = new QDoubleSpinBox(this);
  m_clip->setObjectName(QStringLiteral("clipSpin"));
  m_clip->setDecimals(2);
  m_clip->setRange(0.0, 1000.0);
  connect(m_clip, &QDoubleSpinBox::valueChanged, this, [this] { revalidate(); });

  m_iterations = addSpin(QStringLiteral("itersSpin"), 0, std::numeric_limits<int>::max());
  m_evalEvery = addSpin(QStringLiteral("evalSpin"), 0, 1000000);
  m_seed = addSpin(QStringLiteral("seedSpin"), 0, std::numeric_limits<int>::max());
  m_threads = addSpin(QStringLiteral("threadsSpin"), 1, 256);

  for (QWidget *field : std::initializer_list<QWidget *>{m_hidden, m_layers, m_embed, m_seq, m_batch, m_lr, m_optimizer,
                                                        m_clip, m_iterations, m_evalEvery, m_seed, m_threads})
    form->addRow(new QLabel(this), field);

  m_problem = new QLabel(this);
  m_problem->setObjectName(QStringLiteral("settingsProblemLabel"));
  m_problem->setWordWrap(true);
  form->addRow(m_problem);
  retranslateUi();

  TrainerConfig defaults;
  defaults.threads = std::max(1, QThread::idealThreadCount());
  setConfig(defaults);
}

void TrainingSettingsForm::retranslateUi() {
  const std::pair<QWidget *, QString> rows[] = {
      {m_hidden, tr("Hidden units")},   {m_layers, tr("Layers")},          {m_embed, tr("Embedding")},
      {m_seq, tr("Sequence length (T)")}, {m_batch, tr("Batch (B)")},       {m_lr, tr("Learning rate")},
      {m_optimizer, tr("Optimizer")},   {m_clip, tr("Gradient clip")},     {m_iterations, tr("Iterations")},
      {m_evalEvery, tr("Evaluate every")}, {m_seed, tr("Seed")},          {m_threads, tr("Threads")}};
  for (const auto &[field, text] : rows)
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(field)))
      label->setText(text);
  m_embed->setSpecialValueText(tr("one-hot"));
  m_clip->setSpecialValueText(tr("off"));
  m_iterations->setSpecialValueText(tr("one epoch"));
  m_evalEvery->setSpecialValueText(tr("at the end"));
}

void TrainingSettingsForm::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslateUi();
    setCorpus(m_corpus); // its tooltip and the message under the form
  }
  QWidget::changeEvent(event);
}

QSpinBox *TrainingSettingsForm::addSpin(const QString &objectName, int minimum, int maximum) {
  auto *spin = new QSpinBox(this);
  spin->setObjectName(objectName);
  spin->setRange(minimum, maximum);
  connect(spin, &QSpinBox::valueChanged, this, [this] { revalidate(); });
  return spin;
}

TrainerConfig TrainingSettingsForm::config() const {
  TrainerConfig c = m_base;
  c.hiddenSize = m_hidden->value();
  c.numLayers = m_layers->value();
  c.embedDim = m_embed->value();
  c.seqLength = m_seq->value();
  c.batchSize = m_batch->value();
  c.optimizer.learningRate = m_lr->value();
  c.optimizer.kind = OptimizerKind(m_optimizer->currentData().toInt());
  c.clipNorm = m_clip->value();
  c.iterations = m_iterations->value();
  c.evalEvery = m_evalEvery->value();
  c.seed = std::uint64_t(m_seed->value());
  c.threads = m_threads->value();
  return c;
}

void TrainingSettingsForm::setConfig(const TrainerConfig &config) {
  m_base = config;
  m_updating = true;
  const auto clampInt = [](std::int64_t value) {
    return int(std::clamp<std::int64_t>(value, 0, std::numeric_limits<int>::max()));
  };
  m_hidden->setValue(config.hiddenSize);
  m_layers->setValue(config.numLayers);
  m_embed->setValue(config.embedDim);
  m_seq->setValue(config.seqLength);
  m_batch->setValue(config.batchSize);
  m_lr->setValue(config.optimizer.learningRate);
  m_optimizer->setCurrentIndex(std::max(0, m_optimizer->findData(int(config.optimizer.kind))));
  m_clip->setValue(std::max(config.clipNorm, 0.0));
  m_iterations->setValue(clampInt(config.iterations));
  m_evalEvery->setValue(config.evalEvery);
  m_seed->setValue(clampInt(std::int64_t(std::min<std::uint64_t>(config.seed, std::numeric_limits<int>::max()))));
  m_threads->setValue(config.threads);
  m_updating = false;
  revalidate();
}

void TrainingSettingsForm::suggestFor(const Corpus &corpus) {
  TrainerConfig c = config(); // optimiser, seed and threads stay as the user set them
  const bool series = corpus.isSeries();
  if (series != m_suggestedSeries) // the learning rate suits one kind of data: switch it with the kind
    c.optimizer.learningRate = series ? kSeriesLearningRate : TrainerConfig{}.optimizer.learningRate;
  m_suggestedSeries = series;
  const bool small = corpus.size() < kSmallCorpus;
  if (series) {
    // One number in and out per step: a small network and windows of a few dozen steps forecast well.
    c.hiddenSize = 32;
    c.numLayers = 1;
    c.seqLength = 50;
    c.batchSize = 32;
    c.embedDim = 0;
  } else {
    c.hiddenSize = small ? 128 : 256;
    c.numLayers = small ? 1 : 2;
    c.seqLength = 64;
    c.batchSize = small ? 16 : 32;
    // Thousands of distinct characters (Chinese) make one-hot input as wide as the vocabulary.
    c.embedDim = corpus.vocabulary.size() > 256 ? 64 : 0;
  }
  // Tiny texts: fewer streams first, then shorter windows, until training and validation each hold a window.
  const std::int64_t validation = corpus.size() - corpus.trainSize;
  while (c.batchSize > 1 && std::int64_t(c.batchSize) * c.seqLength + 1 > corpus.trainSize)
    c.batchSize /= 2;
  while (c.seqLength > 1 && (std::int64_t(c.batchSize) * c.seqLength + 1 > corpus.trainSize ||
                             (validation > 0 && validation < c.seqLength + 1)))
    c.seqLength /= 2;
  c.epochs = 0.0;
  c.iterations = std::max<std::int64_t>(1, std::int64_t(kSuggestedEpochs * double(c.windowsPerEpoch(corpus))));
  if (series) // a series of thousands of values is few windows an epoch: give Adam enough steps
    c.iterations = std::max(c.iterations, kMinSeriesIterations);
  // About forty validation points over the run.
  c.evalEvery = int(std::clamp<std::int64_t>(c.iterations / 40, std::min<std::int64_t>(10, c.iterations), 1000));
  setConfig(c);
}

void TrainingSettingsForm::setCorpus(std::shared_ptr<const Corpus> corpus) {
  m_corpus = std::move(corpus);
  // A series model reads one number per step: there is nothing to embed.
  const bool series = m_corpus && m_corpus->isSeries();
  m_embed->setEnabled(!series);
  m_embed->setToolTip(series ? tr("A series model reads one value per step: no embedding") : QString());
  revalidate();
}

QString TrainingSettingsForm::message() const { return m_problem->text(); }

void TrainingSettingsForm::revalidate() {
  if (m_updating)
    return;
  if (!m_corpus) {
    m_valid = false;
    m_problem->setStyleSheet(QStringLiteral("color: #757575"));
    m_problem->setText(tr("A corpus is needed to check these settings."));
  } else {
    const TrainerConfig c = config();
    Problem problem;
    m_valid = c.validate(*m_corpus, &problem);
    if (m_valid) {
      const double megabytes = double(c.estimatedBytes(*m_corpus)) / (1024.0 * 1024.0);
      m_problem->setStyleSheet(QStringLiteral("color: #757575"));
      m_problem->setText(tr("About %1 MB of memory; %2 iterations.")
                             .arg(megabytes, 0, 'f', megabytes < 10 ? 1 : 0)
                             .arg(c.totalIterations(*m_corpus)));
    } else {
      QString sentence = problemText(problem);
      if (!sentence.isEmpty())
        sentence[0] = sentence[0].toUpper();
      m_problem->setStyleSheet(QStringLiteral("color: #c62828"));
      m_problem->setText(sentence + (sentence.endsWith(QLatin1Char('.')) ? QString() : QStringLiteral(".")));
    }
  }
  Q_EMIT changed();
}

} // namespace lstm
