#include "training_settings_form.h"

#include "common/problem_text.h"
#include "train/suggested_settings.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QThread>
#include <QToolButton>

#include <algorithm>
#include <limits>
#include <utility>

namespace lstm {

TrainingSettingsForm::TrainingSettingsForm(QWidget *parent) : QWidget(parent) {
  setObjectName(QStringLiteral("trainingSettingsForm"));
  auto *form = m_form = new QFormLayout(this);
  buildSuggestionRow();
  form->addRow(m_suggestionRow);

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
  m_useSuggestion->setText(tr("Use"));
  m_useSuggestion->setToolTip(tr("Set the model size, windows and iterations the corpus suggests"));
  updateSuggestion();
}

void TrainingSettingsForm::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslateUi();
    setCorpus(m_corpus); // its tooltip and the message under the form
  }
  QWidget::changeEvent(event);
}

void TrainingSettingsForm::buildSuggestionRow() {
  // What the corpus suggests stays in view after the user changes it, with a way back to it.
  m_suggestionRow = new QWidget(this);
  m_suggestionLabel = new QLabel(m_suggestionRow);
  m_suggestionLabel->setObjectName(QStringLiteral("suggestionLabel"));
  m_suggestionLabel->setWordWrap(true);
  m_useSuggestion = new QToolButton(m_suggestionRow);
  m_useSuggestion->setObjectName(QStringLiteral("useSuggestionButton"));
  auto *row = new QHBoxLayout(m_suggestionRow);
  row->setContentsMargins(0, 0, 0, 0);
  row->addWidget(m_suggestionLabel, 1);
  row->addWidget(m_useSuggestion, 0, Qt::AlignTop);
  connect(m_useSuggestion, &QToolButton::clicked, this, &TrainingSettingsForm::useSuggestion);
  m_suggestionRow->setVisible(false);
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
  const TrainerConfig current = config(); // optimiser, seed and threads stay as the user set them
  TrainerConfig c = suggestedConfig(corpus, current);
  const bool series = corpus.isSeries();
  if (series == m_suggestedSeries) // the learning rate suits one kind of data: it changes only with the kind
    c.optimizer.learningRate = current.optimizer.learningRate;
  m_suggestedSeries = series;
  m_suggestion = c;
  m_suggestionCorpus = corpus.name;
  m_suggestionSymbols = series ? 0 : corpus.vocabulary.size();
  m_suggestionLength = corpus.size();
  m_hasSuggestion = true;
  setConfig(c);
}

void TrainingSettingsForm::useSuggestion() {
  if (!m_hasSuggestion)
    return;
  TrainerConfig c = config();
  c.hiddenSize = m_suggestion.hiddenSize;
  c.numLayers = m_suggestion.numLayers;
  c.embedDim = m_suggestion.embedDim;
  c.seqLength = m_suggestion.seqLength;
  c.batchSize = m_suggestion.batchSize;
  c.iterations = m_suggestion.iterations;
  c.evalEvery = m_suggestion.evalEvery;
  setConfig(c);
}

bool TrainingSettingsForm::followsSuggestion() const {
  if (!m_hasSuggestion)
    return false;
  const TrainerConfig c = config();
  return c.hiddenSize == m_suggestion.hiddenSize && c.numLayers == m_suggestion.numLayers &&
         c.embedDim == m_suggestion.embedDim && c.seqLength == m_suggestion.seqLength &&
         c.batchSize == m_suggestion.batchSize && c.iterations == m_suggestion.iterations &&
         c.evalEvery == m_suggestion.evalEvery;
}

void TrainingSettingsForm::updateSuggestion() {
  m_suggestionRow->setVisible(m_hasSuggestion);
  if (!m_hasSuggestion)
    return;
  const QLocale locale;
  const QString corpus = m_suggestionSymbols > 0
                             ? tr("%1 symbols, %2 characters")
                                   .arg(locale.toString(m_suggestionSymbols), locale.toString(m_suggestionLength))
                             : tr("%1 values").arg(locale.toString(m_suggestionLength));
  const QString model = m_suggestion.numLayers == 1
                            ? tr("1 layer of %1 units").arg(m_suggestion.hiddenSize)
                            : tr("%1 layers of %2 units").arg(m_suggestion.numLayers).arg(m_suggestion.hiddenSize);
  const bool following = followsSuggestion();
  m_suggestionLabel->setText(following ? tr("Suggested for %1 (%2): %3.").arg(m_suggestionCorpus, corpus, model)
                                       : tr("Changed from the suggestion for %1 (%2): %3.")
                                             .arg(m_suggestionCorpus, corpus, model));
  m_useSuggestion->setEnabled(!following);
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
  updateSuggestion();
  Q_EMIT changed();
}

} // namespace lstm
