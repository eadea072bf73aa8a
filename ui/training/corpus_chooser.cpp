#include "corpus_chooser.h"

#include "common/dialogs.h"
#include "data/generators.h"
#include "explore/tape.h"

#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace lstm {

namespace {
constexpr int kProbeChars = 240;
constexpr int kShownSymbols = 32;      // smaller vocabularies are listed in the corpus info
constexpr int kRegenerateDelayMs = 300; // typing a length regenerates once, after the last key
constexpr int kKeyRole = Qt::UserRole;  // a file's path or a generator's id (findData(path) finds files)
constexpr int kKindRole = Qt::UserRole + 1;

enum EntryKind { Placeholder = 0, TextFile, CsvFile, Generator, ChooseCsv, ChooseFile };

bool looksLikeCsv(const QString &path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  return suffix == QLatin1String("csv") || suffix == QLatin1String("tsv");
}

} // namespace

CorpusChooser::CorpusChooser(QWidget *parent) : QWidget(parent), m_loader(new CorpusLoader(this)) {
  buildControls();
  m_corpusInfo = new QLabel(this);
  m_corpusInfo->setObjectName(QStringLiteral("corpusInfoLabel"));
  m_corpusInfo->setWordWrap(true);
  m_corpusInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto *corpusRow = new QHBoxLayout;
  m_corpusLabel = new QLabel(this);
  corpusRow->addWidget(m_corpusLabel);
  corpusRow->addWidget(m_corpusCombo, 1);
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(corpusRow);
  layout->addWidget(m_generatorRow);
  layout->addWidget(m_csvRow);
  layout->addWidget(m_corpusInfo);
  retranslateUi();
}

void CorpusChooser::buildControls() {
  m_corpusCombo = new QComboBox(this);
  m_corpusCombo->setObjectName(QStringLiteral("corpusCombo"));
  // The longest entry must not set the dock's width (it would scroll sideways); its popup still shows it whole.
  m_corpusCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_corpusCombo->setMinimumContentsLength(14);
  m_corpusCombo->addItem(QString());
  m_corpusCombo->setItemData(0, Placeholder, kKindRole);
  const auto add = [this](const QString &label, const QString &key, EntryKind kind) {
    m_corpusCombo->addItem(label, key);
    m_corpusCombo->setItemData(m_corpusCombo->count() - 1, kind, kKindRole);
  };
  for (const CorpusChoice &choice : availableCorpora())
    add(choice.label, choice.path, TextFile);
  m_corpusCombo->insertSeparator(m_corpusCombo->count());
  for (const GeneratorInfo &info : availableGenerators()) {
    const QString id = QString::fromLatin1(info.id);
    add(QString(), id, Generator);
  }
  add(QString(), QString(), ChooseCsv);
  add(QString(), QString(), ChooseFile);

  m_generatorRow = new QWidget(this);
  m_generatorRow->setObjectName(QStringLiteral("generatorRow"));
  m_generatorLength = new QSpinBox(m_generatorRow);
  m_generatorLength->setObjectName(QStringLiteral("generatorLengthSpin"));
  m_generatorLength->setRange(int(kGeneratedLengthMin), int(kGeneratedLengthMax));
  m_generatorLength->setSingleStep(1000);
  m_generatorLength->setGroupSeparatorShown(true);
  m_generatorSeed = new QSpinBox(m_generatorRow);
  m_generatorSeed->setObjectName(QStringLiteral("generatorSeedSpin"));
  m_generatorSeed->setRange(0, std::numeric_limits<int>::max());
  m_generatorSeed->setValue(1);
  auto *generatorLayout = new QHBoxLayout(m_generatorRow);
  generatorLayout->setContentsMargins(0, 0, 0, 0);
  m_lengthLabel = new QLabel(m_generatorRow);
  m_seedLabel = new QLabel(m_generatorRow);
  generatorLayout->addWidget(m_lengthLabel);
  generatorLayout->addWidget(m_generatorLength, 1);
  generatorLayout->addWidget(m_seedLabel);
  generatorLayout->addWidget(m_generatorSeed);
  m_generatorRow->hide();
  m_regenerate = new QTimer(this);
  m_regenerate->setSingleShot(true);
  m_regenerate->setInterval(kRegenerateDelayMs);
  connect(m_regenerate, &QTimer::timeout, this, [this] {
    if (m_source.kind == CorpusSource::Kind::Generated)
      loadGenerated(m_source.generator, m_generatorLength->value(), quint64(m_generatorSeed->value()));
  });
  for (QSpinBox *spin : {m_generatorLength, m_generatorSeed})
    connect(spin, &QSpinBox::valueChanged, m_regenerate, [this] { m_regenerate->start(); });

  m_csvRow = new QWidget(this);
  m_csvRow->setObjectName(QStringLiteral("csvRow"));
  m_csvColumnCombo = new QComboBox(m_csvRow);
  m_csvColumnCombo->setObjectName(QStringLiteral("csvColumnCombo"));
  auto *csvLayout = new QHBoxLayout(m_csvRow);
  csvLayout->setContentsMargins(0, 0, 0, 0);
  m_columnLabel = new QLabel(m_csvRow);
  csvLayout->addWidget(m_columnLabel);
  csvLayout->addWidget(m_csvColumnCombo, 1);
  m_csvRow->hide();
  connect(m_csvColumnCombo, &QComboBox::activated, this,
          [this](int index) { loadCsvColumn(m_csvColumnCombo->itemData(index).toString()); });

  // activated, not currentIndexChanged: only a user's choice loads (and re-choosing the same item reloads).
  connect(m_corpusCombo, &QComboBox::activated, this, &CorpusChooser::onCorpusChosen);
  connect(m_loader, &CorpusLoader::loaded, this, &CorpusChooser::onCorpusLoaded);
  connect(m_loader, &CorpusLoader::csvRead, this, &CorpusChooser::onCsvRead);
  connect(m_loader, &CorpusLoader::failed, this, &CorpusChooser::onCorpusFailed);
}

void CorpusChooser::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange)
    retranslateUi();
  QWidget::changeEvent(event);
}

void CorpusChooser::setChoosable(bool choosable) {
  m_corpusCombo->setEnabled(choosable);
  m_generatorRow->setEnabled(choosable);
  m_csvRow->setEnabled(choosable);
}

void CorpusChooser::retranslateUi() {
  const QList<CorpusChoice> corpora = availableCorpora(); // their labels come translated
  for (int i = 0; i < m_corpusCombo->count(); ++i) {
    const QString key = m_corpusCombo->itemData(i, kKeyRole).toString();
    switch (EntryKind(m_corpusCombo->itemData(i, kKindRole).toInt())) {
    case Placeholder:
      if (m_corpusCombo->itemData(i, kKindRole).isValid()) // separators have no kind
        m_corpusCombo->setItemText(i, tr("Choose a corpus…"));
      break;
    case Generator: m_corpusCombo->setItemText(i, tr("Generated: %1").arg(generatorTitle(key))); break;
    case ChooseCsv: m_corpusCombo->setItemText(i, tr("CSV column…")); break;
    case ChooseFile: m_corpusCombo->setItemText(i, tr("Other file…")); break;
    case TextFile:
      for (const CorpusChoice &choice : corpora)
        if (choice.path == key)
          m_corpusCombo->setItemText(i, choice.label);
      break;
    case CsvFile: break; // named after its file
    }
  }
  m_corpusCombo->setToolTip(tr("The text the model learns to continue character by character, or the series whose "
                               "next value it learns to forecast"));
  m_generatorLength->setToolTip(tr("Characters (text tasks) or values (series) to generate"));
  m_generatorSeed->setToolTip(tr("The same seed and length always give the same data"));
  m_csvColumnCombo->setToolTip(tr("The column whose next value the model learns to forecast"));
  m_lengthLabel->setText(tr("Length:"));
  m_seedLabel->setText(tr("Seed:"));
  m_columnLabel->setText(tr("Column:"));
  m_corpusLabel->setText(tr("Corpus:"));
  if (m_corpus)
    m_corpusInfo->setText(corpusInfoText());
  else if (!m_loader->isLoading() && m_corpusInfo->styleSheet().isEmpty())
    m_corpusInfo->setText(tr("No corpus loaded."));
}

void CorpusChooser::selectComboEntry(int kind, const QString &key, const QString &label) {
  int index = -1;
  for (int i = 0; i < m_corpusCombo->count() && index < 0; ++i)
    if (m_corpusCombo->itemData(i, kKindRole).toInt() == kind && m_corpusCombo->itemData(i, kKeyRole) == key)
      index = i;
  if (index < 0) { // another file: its own entry after the known corpora, above the separator
    index = 0;
    while (index + 1 < m_corpusCombo->count() && !m_corpusCombo->itemText(index + 1).isEmpty())
      ++index;
    index += 1;
    m_corpusCombo->insertItem(index, label, key);
    m_corpusCombo->setItemData(index, kind, kKindRole);
  }
  m_corpusCombo->setCurrentIndex(index);
  m_lastCorpusIndex = index;
}

void CorpusChooser::beginLoading(const CorpusSource &source, const QString &message) {
  m_regenerate->stop();
  m_source = source;
  m_corpus.reset();
  m_corpusInfo->setStyleSheet(QString());
  m_corpusInfo->setText(message);
  m_generatorRow->setVisible(source.kind == CorpusSource::Kind::Generated);
  if (source.kind != CorpusSource::Kind::CsvColumn)
    m_csvRow->hide();
}

void CorpusChooser::loadCorpusFile(const QString &path) {
  selectComboEntry(TextFile, path, QFileInfo(path).fileName());
  beginLoading(CorpusSource::textFile(path), tr("Loading %1…").arg(QFileInfo(path).fileName()));
  m_loader->load(path);
  Q_EMIT loadingStarted();
}

void CorpusChooser::loadGenerated(const QString &id, qint64 length, quint64 seed) {
  selectComboEntry(Generator, id, generatorTitle(id));
  {
    const QSignalBlocker lengthBlocker(m_generatorLength), seedBlocker(m_generatorSeed);
    m_generatorLength->setValue(int(std::clamp(length, kGeneratedLengthMin, kGeneratedLengthMax)));
    m_generatorSeed->setValue(int(std::min<quint64>(seed, quint64(std::numeric_limits<int>::max()))));
  }
  const CorpusSource source =
      CorpusSource::generated(id, m_generatorLength->value(), quint64(m_generatorSeed->value()));
  beginLoading(source, tr("Generating %1…").arg(generatorTitle(id)));
  m_loader->generate(id, source.length, source.seed);
  Q_EMIT loadingStarted();
}

void CorpusChooser::loadCsvFile(const QString &path, const QString &column) {
  selectComboEntry(CsvFile, path, QFileInfo(path).fileName());
  beginLoading(CorpusSource::csvColumn(path, column),
               tr("Reading the columns of %1…").arg(QFileInfo(path).fileName()));
  m_csvRow->hide(); // its columns are those of the previous file until this one's are read
  m_loader->readCsv(path);
  Q_EMIT loadingStarted();
}

void CorpusChooser::loadSource(const CorpusSource &source) {
  switch (source.kind) {
  case CorpusSource::Kind::Generated:
    loadGenerated(source.generator, source.length, source.seed);
    break;
  case CorpusSource::Kind::CsvColumn:
    loadCsvFile(source.path, source.column);
    break;
  case CorpusSource::Kind::File:
    loadCorpusFile(source.path);
    break;
  }
}

void CorpusChooser::onCorpusChosen(int index) {
  const auto kind = EntryKind(m_corpusCombo->itemData(index, kKindRole).toInt());
  const QString key = m_corpusCombo->itemData(index, kKeyRole).toString();
  switch (kind) {
  case TextFile:
    loadCorpusFile(key);
    return;
  case CsvFile:
    loadCsvFile(key, m_source.path == key ? m_source.column : QString());
    return;
  case Generator: {
    // The length stays while the kind of data stays: characters and values have their own defaults.
    const bool series = isSeriesGeneratorId(key);
    const bool sameKind =
        m_source.kind == CorpusSource::Kind::Generated && isSeriesGeneratorId(m_source.generator) == series;
    const qint64 length = sameKind ? m_generatorLength->value()
                                   : (series ? kDefaultGeneratedValues : kDefaultGeneratedCharacters);
    loadGenerated(key, length, quint64(m_generatorSeed->value()));
    return;
  }
  case ChooseCsv:
  case ChooseFile: {
    const QString path =
        kind == ChooseCsv
            ? dialogs::openFile(this, tr("Open CSV file"), tr("CSV files (*.csv *.tsv *.txt);;All files (*)"))
            : dialogs::openFile(this, tr("Open corpus"),
                                tr("Text files (*.txt);;CSV files (*.csv *.tsv);;All files (*)"));
    if (path.isEmpty())
      break; // cancelled
    if (kind == ChooseCsv || looksLikeCsv(path))
      loadCsvFile(path);
    else
      loadCorpusFile(path);
    return;
  }
  case Placeholder:
    break;
  }
  m_corpusCombo->setCurrentIndex(m_lastCorpusIndex);
}

void CorpusChooser::onCsvRead(const std::shared_ptr<const CsvTable> &table) {
  const QSignalBlocker blocker(m_csvColumnCombo);
  m_csvColumnCombo->clear();
  auto *items = qobject_cast<QStandardItemModel *>(m_csvColumnCombo->model());
  int chosen = -1;
  QStringList textColumns;
  for (int c = 0; c < int(table->columnNames.size()); ++c) {
    const QString &name = table->columnNames[c];
    const CsvTextCell &text = table->textColumn[std::size_t(c)];
    if (text.text.isEmpty()) {
      m_csvColumnCombo->addItem(name, name);
      if (chosen < 0 || name == m_source.column)
        chosen = c;
      continue;
    }
    // Listed so the file's layout is recognisable, but not choosable: a forecaster needs numbers.
    m_csvColumnCombo->addItem(tr("%1 (text)").arg(name), name);
    m_csvColumnCombo->setItemData(c, tr("Holds text, not numbers: line %1: \"%2\"").arg(text.line).arg(text.text),
                                  Qt::ToolTipRole);
    if (items)
      items->item(c)->setEnabled(false);
    textColumns << name;
  }
  if (chosen < 0) {
    onCorpusFailed(tr("%1: no column holds numbers (%2 hold text)")
                       .arg(table->path, textColumns.join(QStringLiteral(", "))));
    return;
  }
  m_csvColumnCombo->setCurrentIndex(chosen);
  m_csvRow->show();
  loadCsvColumn(table->columnNames[chosen]);
}

void CorpusChooser::loadCsvColumn(const QString &column) {
  const CorpusSource source = CorpusSource::csvColumn(m_source.path, column);
  beginLoading(source, tr("Loading column %1 of %2…").arg(column, QFileInfo(source.path).fileName()));
  m_loader->loadSeries(source.path, column);
  Q_EMIT loadingStarted();
}

QString CorpusChooser::corpusInfoText() const {
  const Corpus &c = *m_corpus;
  if (c.isSeries()) {
    // Short lines rather than one wrapped one: a wrapped label in a scroll area can be given one line's height.
    return tr("%1\n%2 values of %3 (%4 for training)\nmean %5, standard deviation %6\n"
              "baselines (MSE): mean %7, last value %8")
        .arg(c.name, QLocale().toString(c.size()), c.column, QLocale().toString(c.trainSize))
        .arg(QLocale().toString(c.scaling.mean, 'g', 5), QLocale().toString(c.scaling.stddev, 'g', 5))
        .arg(QLocale().toString(m_baselines.unigram, 'g', 3), QLocale().toString(m_baselines.bigram, 'g', 3));
  }
  QString text = tr("%1\n%2 characters · vocabulary %3")
                     .arg(c.name, QLocale().toString(c.size()))
                     .arg(c.vocabulary.size());
  if (c.vocabulary.size() <= kShownSymbols) {
    QStringList symbols;
    for (char32_t symbol : c.vocabulary.symbols())
      symbols << symbolLabel(symbol);
    text += QStringLiteral(": ") + symbols.join(QLatin1Char(' '));
  }
  return text + tr("\nbaselines: unigram %1, bigram %2 nats/char")
                    .arg(m_baselines.unigram, 0, 'f', 3)
                    .arg(m_baselines.bigram, 0, 'f', 3);
}

void CorpusChooser::onCorpusLoaded(std::shared_ptr<const Corpus> corpus, const Baselines &baselines) {
  m_corpus = std::move(corpus);
  m_baselines = baselines;
  m_corpusInfo->setStyleSheet(QString());
  m_corpusInfo->setText(corpusInfoText());
  Q_EMIT corpusLoaded();
}

void CorpusChooser::onCorpusFailed(const QString &message) {
  m_corpusInfo->setStyleSheet(QStringLiteral("color: #c0392b;"));
  m_corpusInfo->setText(message);
  Q_EMIT loadFailed(message);
  dialogs::error(this, tr("Cannot load corpus"), message);
}

QString CorpusChooser::probeText() const {
  if (!m_corpus || m_corpus->isSeries())
    return {};
  // From the first line start of the validation text, so the probe begins where a reader would.
  std::int64_t begin = m_corpus->trainSize < m_corpus->size() ? m_corpus->trainSize : 0;
  const std::u32string head = m_corpus->text(begin, kProbeChars);
  const std::size_t newline = head.find(U'\n');
  if (newline != std::u32string::npos && newline + 1 < head.size() / 2)
    begin += std::int64_t(newline + 1);
  const std::u32string text = m_corpus->text(begin, kProbeChars);
  return QString::fromUcs4(text.data(), qsizetype(text.size()));
}

} // namespace lstm
