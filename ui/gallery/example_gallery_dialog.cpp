#include "example_gallery_dialog.h"

#include "common/quantity_style.h"
#include "io/model_metadata.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <cmath>

namespace lstm {

namespace {

QString escaped(const QString &text) { return text.toHtmlEscaped(); }

// File text as a paragraph: escaped, with the author's line breaks kept.
QString paragraphText(const QString &text) {
  return escaped(text).replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString number(double value) { return QString::number(value, 'g', 4); }

// Both forms are passed so lupdate sees them; 1,200,000 reads better than 1200000.
QString count(qint64 n, const QString &one, const QString &many) {
  return n == 1 ? one : QString(many).arg(QLocale().toString(n));
}

QString modelShape(const Model &model) {
  const ModelConfig &config = model.config;
  QStringList parts;
  parts << ExampleGalleryDialog::tr("%1 × %2").arg(
      count(config.numLayers, ExampleGalleryDialog::tr("1 layer"), ExampleGalleryDialog::tr("%1 layers")),
      count(config.hiddenSize, ExampleGalleryDialog::tr("1 unit"), ExampleGalleryDialog::tr("%1 units")));
  const int vocabulary = model.vocabulary.size();
  switch (config.input) {
  case InputKind::OneHot:
    parts << ExampleGalleryDialog::tr("one-hot input over %1")
                 .arg(count(vocabulary, ExampleGalleryDialog::tr("1 character"),
                            ExampleGalleryDialog::tr("%1 characters")));
    break;
  case InputKind::Embedding:
    parts << ExampleGalleryDialog::tr("%1-wide embedding of %2")
                 .arg(config.embedDim)
                 .arg(count(vocabulary, ExampleGalleryDialog::tr("1 character"),
                            ExampleGalleryDialog::tr("%1 characters")));
    break;
  case InputKind::Dense:
    parts << ExampleGalleryDialog::tr("reads %1 per step")
                 .arg(count(config.inputSize, ExampleGalleryDialog::tr("1 number"),
                            ExampleGalleryDialog::tr("%1 numbers")));
    break;
  }
  if (config.head == HeadKind::Softmax)
    parts << ExampleGalleryDialog::tr("predicts the next character");
  else
    parts << ExampleGalleryDialog::tr("predicts %1")
                 .arg(count(config.outputSize, ExampleGalleryDialog::tr("1 number"),
                            ExampleGalleryDialog::tr("%1 numbers")));
  return parts.join(QStringLiteral(" · "));
}

// What a series model reads, as far as its SeriesRecord says.
QString seriesText(const SeriesRecord &series) {
  QStringList parts;
  const QString &column = series.column, &source = series.source;
  if (!column.isEmpty() && !source.isEmpty())
    parts << ExampleGalleryDialog::tr("column “%1” of %2").arg(escaped(column), escaped(source));
  else if (!column.isEmpty() || !source.isEmpty())
    parts << escaped(column.isEmpty() ? source : column);
  if (series.scaling)
    parts << ExampleGalleryDialog::tr("standardised with mean %1 and standard deviation %2")
                 .arg(number(series.scaling->mean), number(series.scaling->stddev));
  return parts.join(QStringLiteral(", "));
}

// The model's TrainingRecord: what, how long, how well.
QString trainingText(const TrainingRecord &training, HeadKind head) {
  QStringList parts;
  const QString &corpus = training.corpus;
  const qint64 characters = training.corpusCharacters;
  const qint64 iterations = training.iterations;
  if (!corpus.isEmpty())
    parts << (characters > 0 ? ExampleGalleryDialog::tr("<b>Trained on</b> %1 (%2)")
                                   .arg(escaped(corpus), count(characters, ExampleGalleryDialog::tr("1 character"),
                                                               ExampleGalleryDialog::tr("%1 characters")))
                             : ExampleGalleryDialog::tr("<b>Trained on</b> %1").arg(escaped(corpus)));
  if (iterations > 0)
    parts << (parts.isEmpty() ? ExampleGalleryDialog::tr("<b>Trained</b> for %1") : ExampleGalleryDialog::tr("for %1"))
                 .arg(count(iterations, ExampleGalleryDialog::tr("1 iteration"),
                            ExampleGalleryDialog::tr("%1 iterations")));
  if (std::isfinite(training.bestValidationLoss)) {
    const QString unit = head == HeadKind::Softmax ? ExampleGalleryDialog::tr(" nats per character")
                                                   : ExampleGalleryDialog::tr(" (mean squared error)");
    QString text = ExampleGalleryDialog::tr("best validation loss %1%2").arg(number(training.bestValidationLoss), unit);
    const qint64 at = training.bestIteration;
    if (at > 0)
      text += ExampleGalleryDialog::tr(" at iteration %1").arg(QLocale().toString(at));
    const double unigram = training.unigramBaseline, bigram = training.bigramBaseline;
    if (head == HeadKind::Softmax && std::isfinite(unigram) && std::isfinite(bigram))
      text += ExampleGalleryDialog::tr(" (unigram baseline %1, bigram %2)").arg(number(unigram), number(bigram));
    parts << text;
  }
  return parts.join(QStringLiteral(", "));
}

// The primer as one line: long ones cut, line breaks shown as ↵ so the reader sees where they are.
QString primerLine(const QString &primer) {
  constexpr int kShown = 160;
  QString line = primer.left(kShown);
  line.replace(QLatin1Char('\n'), QStringLiteral("↵"));
  line.replace(QLatin1Char('\t'), QStringLiteral("⇥"));
  return escaped(line) + (primer.size() > kShown ? QStringLiteral("…") : QString());
}

QString monospace(const QString &html) {
  return QStringLiteral("<span style=\"font-family: monospace; white-space: pre-wrap;\">%1</span>").arg(html);
}

} // namespace

QString exampleDescriptionHtml(const ExampleEntry &entry) {
  const ExampleLesson &lesson = entry.lesson;
  QString html = QStringLiteral("<h2>%1</h2>").arg(escaped(lesson.title));
  if (!lesson.summary.isEmpty())
    html += QStringLiteral("<p>%1</p>").arg(paragraphText(lesson.summary));
  if (lesson.hasUnit()) {
    html += QStringLiteral("<p><b>%1</b> %2</p>")
                .arg(ExampleGalleryDialog::tr("Select:"), ExampleGalleryDialog::tr("layer %1, unit %2, %3")
                                        .arg(lesson.layer)
                                        .arg(lesson.unit)
                                        .arg(escaped(quantityName(lesson.quantity))));
    if (!lesson.feature.isEmpty())
      html += QStringLiteral("<p>%1</p>").arg(
          lesson.correlation != 0.0
              ? ExampleGalleryDialog::tr("This unit tracks <i>%1</i> (correlation r = %2).")
                    .arg(escaped(lesson.feature), QString::number(lesson.correlation, 'f', 2))
              : ExampleGalleryDialog::tr("This unit tracks <i>%1</i>.").arg(escaped(lesson.feature)));
  }
  if (!entry.model)
    return html;
  const Model &model = *entry.model;
  if (model.config.usesTokens() && !lesson.primer.isEmpty())
    html += QStringLiteral("<p><b>%1</b> %2</p>").arg(ExampleGalleryDialog::tr("Reads first:"), monospace(primerLine(lesson.primer)));
  html += QStringLiteral("<p><b>%1</b> %2</p>").arg(ExampleGalleryDialog::tr("Model:"), modelShape(model).toHtmlEscaped());
  const ModelMetadata metadata = readMetadata(model.metadata);
  if (const QString text = metadata.series ? seriesText(*metadata.series) : QString(); !text.isEmpty())
    html += QStringLiteral("<p><b>%1</b> %2</p>").arg(ExampleGalleryDialog::tr("Series:"), text);
  if (const QString text = metadata.training ? trainingText(*metadata.training, model.config.head) : QString();
      !text.isEmpty())
    html += QStringLiteral("<p>%1.</p>").arg(text);
  if (!lesson.command.isEmpty())
    html += QStringLiteral("<p><b>%1</b><br>%2</p>").arg(ExampleGalleryDialog::tr("Trained with:"), monospace(escaped(lesson.command)));
  return html;
}

ExampleGalleryDialog::ExampleGalleryDialog(std::vector<ExampleEntry> entries, QWidget *parent)
    : QDialog(parent), m_entries(std::move(entries)) {
  setObjectName(QStringLiteral("exampleGalleryDialog"));

  m_list = new QListWidget;
  m_list->setObjectName(QStringLiteral("exampleList"));
  m_list->setSelectionMode(QAbstractItemView::SingleSelection);
  m_list->setSpacing(2);
  for (const ExampleEntry &entry : m_entries) {
    auto *item = new QListWidgetItem(entry.lesson.title, m_list);
    item->setToolTip(QFileInfo(entry.path).fileName());
  }

  m_description = new QTextBrowser;
  m_description->setObjectName(QStringLiteral("exampleDescription"));
  m_description->setOpenLinks(false); // file text is not trusted to navigate anywhere

  auto *buttons = new QDialogButtonBox;
  m_openButton = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
  m_openButton->setObjectName(QStringLiteral("exampleOpenButton"));
  m_openButton->setDefault(true);
  buttons->addButton(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("exampleCancelButton"));

  auto *panes = new QHBoxLayout;
  panes->addWidget(m_list, 2);
  panes->addWidget(m_description, 5);
  auto *layout = new QVBoxLayout(this);
  layout->addLayout(panes, 1);
  layout->addWidget(buttons);

  connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) { onCurrentRowChanged(row); });
  connect(m_list, &QListWidget::itemDoubleClicked, this,
          [this](QListWidgetItem *item) { openRow(m_list->row(item)); });
  connect(buttons, &QDialogButtonBox::accepted, this, [this] { openRow(m_list->currentRow()); });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  retranslateUi();
  resize(760, 480);
  if (m_entries.empty()) {
    m_list->setEnabled(false);
    onCurrentRowChanged(-1);
  } else {
    m_list->setCurrentRow(0);
    m_list->setFocus();
  }
}

void ExampleGalleryDialog::retranslateUi() {
  setWindowTitle(tr("Open Example"));
  m_openButton->setText(tr("Open"));
}

void ExampleGalleryDialog::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslateUi();
    onCurrentRowChanged(m_list->currentRow()); // the description is composed from tr() strings
  }
  QDialog::changeEvent(event);
}

std::optional<ExampleEntry> ExampleGalleryDialog::chosen() const { return m_chosen; }

int ExampleGalleryDialog::currentIndex() const { return m_list->currentRow(); }

void ExampleGalleryDialog::onCurrentRowChanged(int row) {
  const bool valid = row >= 0 && row < int(m_entries.size());
  m_openButton->setEnabled(valid);
  if (valid)
    m_description->setHtml(exampleDescriptionHtml(m_entries[std::size_t(row)]));
  else if (m_entries.empty())
    m_description->setHtml(QStringLiteral("<p>%1</p><p>%2</p>")
                               .arg(escaped(tr("No examples are installed.")),
                                    escaped(tr("Example models are shipped inside the application; this build has "
                                               "none. Open a model file or train one instead."))));
  else
    m_description->setHtml(QStringLiteral("<p>%1</p>").arg(escaped(tr("Choose an example on the left."))));
}

void ExampleGalleryDialog::openRow(int row) {
  if (row < 0 || row >= int(m_entries.size()))
    return;
  m_chosen = m_entries[std::size_t(row)];
  accept();
}

} // namespace lstm
