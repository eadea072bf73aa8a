#pragma once
// File ▸ Export figure: what to export (the whole window or one visible dock's view), as what (PNG, SVG, PDF or
// the clipboard), how large (PNG/clipboard pixels, presets, keep the target's aspect ratio) and whether clean
// (no UI chrome, white). Export asks for the path through dialogs::saveFile, writes with exportFigure and reports a
// failure through dialogs::error, staying open; success closes the dialog as accepted. Run it with dialogs::exec.
#include "common/figure_export.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QMainWindow;
class QPushButton;
class QSpinBox;

namespace lstm {

class ExportFigureDialog : public QDialog {
  Q_OBJECT
public:
  // Lists the window and its docks as they are now (visible, docked or floating, by title).
  explicit ExportFigureDialog(QMainWindow *window, QWidget *parent = nullptr);
  ~ExportFigureDialog() override;

  // Chooses the target by the dock's objectName (empty: the whole window); false when it is not listed.
  bool selectTarget(const QString &dockName);
  // The widget an export paints: the window or the chosen dock's view (not its title bar).
  QWidget *targetWidget() const;
  // The options the controls describe.
  FigureOptions options() const;
  // Where the last successful export went (empty for the clipboard or before one).
  QString lastPath() const { return m_lastPath; }

public Q_SLOTS:
  // Asks for the path (unless copying), exports, and closes on success.
  void accept() override;

protected:
  void changeEvent(QEvent *event) override;

private:
  void retranslateUi();
  void fillTargets();
  void updateEnabled();
  QSize targetSize() const;
  // Sets the spin boxes to `size`, fitted inside it with the target's aspect when that is kept.
  void applySize(QSize size);
  void followAspect(bool fromWidth);
  QString suggestedPath() const;

  QPointer<QMainWindow> m_window;
  QLabel *m_targetLabel = nullptr;
  QComboBox *m_targetCombo = nullptr;
  QLabel *m_formatLabel = nullptr;
  QComboBox *m_formatCombo = nullptr;
  QLabel *m_sizeLabel = nullptr;
  QSpinBox *m_widthSpin = nullptr;
  QSpinBox *m_heightSpin = nullptr;
  QPushButton *m_hdButton = nullptr;
  QPushButton *m_uhdButton = nullptr;
  QPushButton *m_currentButton = nullptr;
  QCheckBox *m_aspectCheck = nullptr;
  QCheckBox *m_cleanCheck = nullptr;
  QDialogButtonBox *m_buttons = nullptr;
  QString m_lastPath;
};

} // namespace lstm
