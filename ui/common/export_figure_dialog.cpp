#include "export_figure_dialog.h"

#include "common/dialogs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace lstm {

namespace {
constexpr QSize kHdSize(1920, 1080);
constexpr QSize kUhdSize(3840, 2160);

QSpinBox *sizeSpin(QWidget *parent, const char *name) {
  auto *spin = new QSpinBox(parent);
  spin->setObjectName(QString::fromLatin1(name));
  spin->setRange(16, kMaxFigureSide);
  spin->setSuffix(QStringLiteral(" px"));
  return spin;
}
} // namespace

ExportFigureDialog::ExportFigureDialog(QMainWindow *window, QWidget *parent)
    : QDialog(parent ? parent : window), m_window(window) {
  setObjectName(QStringLiteral("exportFigureDialog"));
  m_targetLabel = new QLabel(this);
  m_targetCombo = new QComboBox(this);
  m_targetCombo->setObjectName(QStringLiteral("figureTargetCombo"));
  m_targetLabel->setBuddy(m_targetCombo);
  m_formatLabel = new QLabel(this);
  m_formatCombo = new QComboBox(this);
  m_formatCombo->setObjectName(QStringLiteral("figureFormatCombo"));
  m_formatLabel->setBuddy(m_formatCombo);
  for (FigureFormat format : {FigureFormat::Png, FigureFormat::Svg, FigureFormat::Pdf, FigureFormat::Clipboard})
    m_formatCombo->addItem(QString(), int(format));
  m_sizeLabel = new QLabel(this);
  m_widthSpin = sizeSpin(this, "figureWidthSpin");
  m_heightSpin = sizeSpin(this, "figureHeightSpin");
  m_sizeLabel->setBuddy(m_widthSpin);
  m_hdButton = new QPushButton(this);
  m_hdButton->setObjectName(QStringLiteral("figurePresetHdButton"));
  m_uhdButton = new QPushButton(this);
  m_uhdButton->setObjectName(QStringLiteral("figurePresetUhdButton"));
  m_currentButton = new QPushButton(this);
  m_currentButton->setObjectName(QStringLiteral("figureCurrentSizeButton"));
  m_aspectCheck = new QCheckBox(this);
  m_aspectCheck->setObjectName(QStringLiteral("figureAspectCheck"));
  m_aspectCheck->setChecked(true);
  m_cleanCheck = new QCheckBox(this);
  m_cleanCheck->setObjectName(QStringLiteral("figureCleanCheck"));
  m_cleanCheck->setChecked(true); // slides want the figure, not the controls
  m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  m_buttons->setObjectName(QStringLiteral("figureButtons"));
  m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("figureExportButton"));
  m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("figureCancelButton"));

  auto *times = new QLabel(QStringLiteral("×"), this);
  auto *sizeRow = new QHBoxLayout;
  sizeRow->addWidget(m_widthSpin);
  sizeRow->addWidget(times);
  sizeRow->addWidget(m_heightSpin);
  sizeRow->addStretch(1);
  auto *presetRow = new QHBoxLayout;
  presetRow->addWidget(m_hdButton);
  presetRow->addWidget(m_uhdButton);
  presetRow->addWidget(m_currentButton);
  presetRow->addStretch(1);
  auto *grid = new QGridLayout;
  grid->addWidget(m_targetLabel, 0, 0);
  grid->addWidget(m_targetCombo, 0, 1);
  grid->addWidget(m_formatLabel, 1, 0);
  grid->addWidget(m_formatCombo, 1, 1);
  grid->addWidget(m_sizeLabel, 2, 0);
  grid->addLayout(sizeRow, 2, 1);
  grid->addLayout(presetRow, 3, 1);
  grid->addWidget(m_aspectCheck, 4, 1);
  grid->addWidget(m_cleanCheck, 5, 1);
  grid->setColumnStretch(1, 1);
  auto *layout = new QVBoxLayout(this);
  layout->addLayout(grid);
  layout->addStretch(1);
  layout->addWidget(m_buttons);

  fillTargets();
  applySize(kHdSize);
  retranslateUi();
  updateEnabled();

  connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportFigureDialog::accept);
  connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportFigureDialog::reject);
  connect(m_formatCombo, &QComboBox::currentIndexChanged, this, [this] { updateEnabled(); });
  connect(m_targetCombo, &QComboBox::currentIndexChanged, this, [this] { followAspect(true); });
  connect(m_cleanCheck, &QCheckBox::toggled, this, [this] { followAspect(true); });
  connect(m_aspectCheck, &QCheckBox::toggled, this, [this] { followAspect(true); });
  connect(m_widthSpin, &QSpinBox::valueChanged, this, [this] { followAspect(true); });
  connect(m_heightSpin, &QSpinBox::valueChanged, this, [this] { followAspect(false); });
  connect(m_hdButton, &QPushButton::clicked, this, [this] { applySize(kHdSize); });
  connect(m_uhdButton, &QPushButton::clicked, this, [this] { applySize(kUhdSize); });
  connect(m_currentButton, &QPushButton::clicked, this, [this] { applySize(targetSize()); });
}

ExportFigureDialog::~ExportFigureDialog() = default;

void ExportFigureDialog::retranslateUi() {
  setWindowTitle(tr("Export figure"));
  m_targetLabel->setText(tr("&Show:"));
  m_formatLabel->setText(tr("&Format:"));
  m_sizeLabel->setText(tr("&Size:"));
  m_formatCombo->setItemText(0, tr("PNG image"));
  m_formatCombo->setItemText(1, tr("SVG drawing"));
  m_formatCombo->setItemText(2, tr("PDF document"));
  m_formatCombo->setItemText(3, tr("Copy to clipboard"));
  m_widthSpin->setToolTip(tr("Width of the image in pixels"));
  m_heightSpin->setToolTip(tr("Height of the image in pixels"));
  m_hdButton->setText(tr("1920 × 1080"));
  m_uhdButton->setText(tr("3840 × 2160"));
  m_currentButton->setText(tr("Current size"));
  m_aspectCheck->setText(tr("&Keep aspect ratio"));
  m_aspectCheck->setToolTip(tr("Without it, a figure of another shape is centred on the background"));
  m_cleanCheck->setText(tr("C&lean style (no toolbars or controls, white background)"));
  m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export…"));
  m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
  if (m_targetCombo->count() > 0)
    m_targetCombo->setItemText(0, tr("Whole window"));
  // Dock titles are translated by the window itself; refresh them in case it already has.
  for (int i = 1; i < m_targetCombo->count(); ++i)
    if (auto *dock = m_window ? m_window->findChild<QDockWidget *>(m_targetCombo->itemData(i).toString()) : nullptr)
      m_targetCombo->setItemText(i, dock->windowTitle());
}

void ExportFigureDialog::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange)
    retranslateUi();
  QDialog::changeEvent(event);
}

void ExportFigureDialog::fillTargets() {
  m_targetCombo->clear();
  m_targetCombo->addItem(tr("Whole window"), QString());
  if (!m_window)
    return;
  for (QDockWidget *dock : m_window->findChildren<QDockWidget *>())
    if (dock->isVisible() && dock->widget() && !dock->objectName().isEmpty())
      m_targetCombo->addItem(dock->windowTitle(), dock->objectName());
}

bool ExportFigureDialog::selectTarget(const QString &dockName) {
  const int index = m_targetCombo->findData(dockName);
  if (index < 0)
    return false;
  m_targetCombo->setCurrentIndex(index);
  return true;
}

QWidget *ExportFigureDialog::targetWidget() const {
  if (!m_window)
    return nullptr;
  const QString name = m_targetCombo->currentData().toString();
  if (name.isEmpty())
    return m_window;
  auto *dock = m_window->findChild<QDockWidget *>(name);
  return dock ? dock->widget() : nullptr;
}

FigureOptions ExportFigureDialog::options() const {
  FigureOptions result;
  result.format = FigureFormat(m_formatCombo->currentData().toInt());
  result.clean = m_cleanCheck->isChecked();
  if (result.format == FigureFormat::Png || result.format == FigureFormat::Clipboard)
    result.pixelSize = QSize(m_widthSpin->value(), m_heightSpin->value());
  result.title = m_targetCombo->currentIndex() == 0 && m_window ? m_window->windowTitle() : m_targetCombo->currentText();
  return result;
}

QSize ExportFigureDialog::targetSize() const {
  QWidget *target = targetWidget();
  return target ? figureSourceSize(target, m_cleanCheck->isChecked()) : QSize();
}

void ExportFigureDialog::applySize(QSize size) {
  const QSize source = targetSize();
  if (m_aspectCheck->isChecked() && !source.isEmpty())
    size = source.scaled(size, Qt::KeepAspectRatio);
  const QSignalBlocker blockWidth(m_widthSpin);
  const QSignalBlocker blockHeight(m_heightSpin);
  m_widthSpin->setValue(size.width());
  m_heightSpin->setValue(size.height());
}

void ExportFigureDialog::followAspect(bool fromWidth) {
  const QSize source = targetSize();
  if (!m_aspectCheck->isChecked() || source.isEmpty())
    return;
  const double aspect = double(source.width()) / source.height();
  const QSignalBlocker blockWidth(m_widthSpin);
  const QSignalBlocker blockHeight(m_heightSpin);
  if (fromWidth)
    m_heightSpin->setValue(int(std::lround(m_widthSpin->value() / aspect)));
  else
    m_widthSpin->setValue(int(std::lround(m_heightSpin->value() * aspect)));
}

void ExportFigureDialog::updateEnabled() {
  const auto format = FigureFormat(m_formatCombo->currentData().toInt());
  const bool pixels = format == FigureFormat::Png || format == FigureFormat::Clipboard;
  for (QWidget *widget : std::initializer_list<QWidget *>{m_sizeLabel, m_widthSpin, m_heightSpin, m_hdButton,
                                                          m_uhdButton, m_currentButton, m_aspectCheck})
    widget->setEnabled(pixels);
  m_buttons->button(QDialogButtonBox::Ok)
      ->setText(format == FigureFormat::Clipboard ? tr("&Copy") : tr("&Export…"));
}

QString ExportFigureDialog::suggestedPath() const {
  QString base = m_targetCombo->currentData().toString();
  if (base.endsWith(QStringLiteral("Dock")))
    base.chop(4);
  if (base.isEmpty())
    base = QStringLiteral("lstm-explorer");
  const QString suffix = figureSuffix(FigureFormat(m_formatCombo->currentData().toInt()));
  const QString dir = m_lastPath.isEmpty() ? QDir::homePath() : QFileInfo(m_lastPath).absolutePath();
  return QDir(dir).filePath(base + QLatin1Char('.') + suffix);
}

void ExportFigureDialog::accept() {
  QWidget *target = targetWidget();
  if (!target)
    return;
  FigureOptions figure = options();
  QString path;
  if (figure.format != FigureFormat::Clipboard) {
    const QString filters[] = {tr("PNG image (*.png)"), tr("SVG drawing (*.svg)"), tr("PDF document (*.pdf)")};
    path = dialogs::saveFile(this, tr("Export figure"), suggestedPath(), filters[int(figure.format)]);
    if (path.isEmpty())
      return;
    // A name that says what it is wins over the combo; one that does not gets the chosen extension.
    if (const auto named = figureFormatForPath(path))
      figure.format = *named;
    else
      path += QLatin1Char('.') + figureSuffix(figure.format);
  }
  QString error;
  if (!exportFigure(target, path, figure, &error)) {
    dialogs::error(this, tr("Export failed"), error);
    return;
  }
  m_lastPath = path;
  QDialog::accept();
}

} // namespace lstm
