<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Category</name>
    <message>
        <location filename="../../editor/gui/categories.py" line="19"/>
        <source>Political</source>
        <translation>政治</translation>
    </message>
    <message>
        <location filename="../../editor/gui/categories.py" line="20"/>
        <source>Layout</source>
        <translation>排版</translation>
    </message>
    <message>
        <location filename="../../editor/gui/categories.py" line="21"/>
        <source>Typos</source>
        <translation>别字</translation>
    </message>
    <message>
        <location filename="../../editor/gui/categories.py" line="22"/>
        <source>Names</source>
        <translation>人名</translation>
    </message>
    <message>
        <location filename="../../editor/gui/categories.py" line="23"/>
        <source>Numbers</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../editor/gui/categories.py" line="24"/>
        <source>Punctuation</source>
        <translation>标点</translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message>
        <location filename="../../editor/gui/dialogs.py" line="59"/>
        <source>Find and Replace</source>
        <translation>查找和替换</translation>
    </message>
    <message>
        <location filename="../../editor/gui/dialogs.py" line="62"/>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <location filename="../../editor/gui/dialogs.py" line="64"/>
        <source>Find Next</source>
        <translation>查找下一个</translation>
    </message>
    <message>
        <location filename="../../editor/gui/dialogs.py" line="65"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../editor/gui/dialogs.py" line="66"/>
        <source>Replace All</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <location filename="../../editor/gui/dialogs.py" line="69"/>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../../editor/gui/dialogs.py" line="72"/>
        <source>Replace with:</source>
        <translation>替换为：</translation>
    </message>
    <message>
        <location filename="../../editor/gui/dialogs.py" line="93"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor/gui/dialogs.py" line="119"/>
        <source>%n replacement(s)</source>
        <translation>
            <numerusform>已替换 %n 处</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <location filename="../../editor/gui/findings_panel.py" line="50"/>
        <source>Join the two paragraphs: …%1｜%2…</source>
        <extracomment>Whitespace made visible where a fix deletes it.</extracomment>
        <translation>连接两段：…%1｜%2…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/findings_panel.py" line="55"/>
        <source>Delete “%1”</source>
        <translation>删除“%1”</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../editor/gui/findings_panel.py" line="90"/>
        <source>Filter findings…</source>
        <translation>筛选问题…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/findings_panel.py" line="93"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../editor/gui/findings_panel.py" line="96"/>
        <source>Group by category</source>
        <translation>按类别分组</translation>
    </message>
    <message>
        <location filename="../../editor/gui/findings_panel.py" line="99"/>
        <source>Text</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../editor/gui/findings_panel.py" line="99"/>
        <source>Fix</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../editor/gui/findings_panel.py" line="99"/>
        <source>Paragraph</source>
        <translation>段</translation>
    </message>
    <message>
        <location filename="../../editor/gui/findings_panel.py" line="100"/>
        <source>The paragraph of the draft as it was opened</source>
        <translation>打开时原稿的段落号</translation>
    </message>
    <message>
        <location filename="../../editor/gui/findings_panel.py" line="104"/>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <location filename="../../editor/gui/findings_panel.py" line="105"/>
        <source>Apply the fix (Enter in the list, Ctrl+Enter in the text)</source>
        <translation>应用修改（列表中按 Enter，正文中按 Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/findings_panel.py" line="106"/>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../editor/gui/findings_panel.py" line="107"/>
        <source>Ignore this finding (Delete in the list, Ctrl+I in the text)</source>
        <translation>忽略此处问题（列表中按 Delete，正文中按 Ctrl+I）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/findings_panel.py" line="278"/>
        <source>Fix:</source>
        <translation>修改：</translation>
    </message>
    <message>
        <location filename="../../editor/gui/findings_panel.py" line="278"/>
        <source>Rule:</source>
        <translation>规则：</translation>
    </message>
    <message>
        <location filename="../../editor/gui/findings_panel.py" line="278"/>
        <source>Page:</source>
        <translation>版面：</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../editor/gui/help.py" line="52"/>
        <source>User Guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <location filename="../../editor/gui/help.py" line="58"/>
        <source>The user guide is missing from this installation.</source>
        <translation>本安装缺少使用指南文件。</translation>
    </message>
</context>
<context>
    <name>IgnoredDialog</name>
    <message>
        <location filename="../../editor/gui/dialogs.py" line="134"/>
        <source>Ignored Findings</source>
        <translation>已忽略的问题</translation>
    </message>
    <message>
        <location filename="../../editor/gui/dialogs.py" line="139"/>
        <source>Show Again</source>
        <translation>取消忽略</translation>
    </message>
    <message>
        <location filename="../../editor/gui/dialogs.py" line="140"/>
        <source>Add to Ignore List</source>
        <translation>加入忽略列表</translation>
    </message>
    <message>
        <location filename="../../editor/gui/dialogs.py" line="141"/>
        <source>Never flag this word again, in any draft (typo and name checks)</source>
        <translation>任何稿件中都不再标出这个词（别字和人名检查）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/dialogs.py" line="161"/>
        <source>%1  (ignored everywhere in this draft)</source>
        <translation>%1（本稿全部忽略）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/dialogs.py" line="191"/>
        <source>Ignore List</source>
        <translation>忽略列表</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../editor/gui/main_window.py" line="175"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="176"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="177"/>
        <source>New from &amp;Clipboard</source>
        <translation>从剪贴板新建(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="178"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="179"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="182"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="183"/>
        <source>Save as &amp;DOCX…</source>
        <translation>另存为 DOCX(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="184"/>
        <source>Save as &amp;TXT…</source>
        <translation>另存为 TXT(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="188"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="190"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="191"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="192"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="194"/>
        <source>&amp;Find and Replace…</source>
        <translation>查找和替换(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="196"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="198"/>
        <source>&amp;Proofread</source>
        <translation>校对(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="199"/>
        <source>Check &amp;Again</source>
        <translation>重新检查(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="200"/>
        <source>&amp;Next Finding</source>
        <translation>下一处问题(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="201"/>
        <source>&amp;Previous Finding</source>
        <translation>上一处问题(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="202"/>
        <source>&amp;Accept Fix</source>
        <translation>接受修改(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="203"/>
        <source>&amp;Ignore</source>
        <translation>忽略(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="204"/>
        <source>Ignored &amp;Findings…</source>
        <translation>已忽略的问题(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="206"/>
        <source>&amp;Repair All Layout Breaks…</source>
        <translation>修复全部排版断行(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="207"/>
        <source>Register of &amp;Officials…</source>
        <translation>干部登记表(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="208"/>
        <source>Apply All &amp;Safe Fixes</source>
        <translation>应用全部安全修改(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="212"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="213"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="214"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="215"/>
        <source>&amp;Actual Size</source>
        <translation>原始大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="217"/>
        <source>Switch Between Text and &amp;Findings</source>
        <translation>在正文和问题列表间切换(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="219"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="220"/>
        <source>Welcome…</source>
        <translation>欢迎页…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="221"/>
        <source>User &amp;Guide</source>
        <translation>使用指南(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="222"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="223"/>
        <source>&amp;About Proofdesk</source>
        <translation>关于校对台(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="234"/>
        <source>Open Draft</source>
        <translation>打开稿件</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="253"/>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="264"/>
        <source>Read %1 pages from the PDF; Save writes the text as DOCX or TXT</source>
        <translation>已从 PDF 读入 %1 个版面；保存时存为 DOCX 或 TXT（不改动 PDF）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="279"/>
        <location filename="../../editor/gui/main_window.py" line="294"/>
        <source>Cannot Open Draft</source>
        <translation>无法打开稿件</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="292"/>
        <source>Clipboard</source>
        <translation>剪贴板</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="340"/>
        <source>Loading dictionaries and the language model for the first check…</source>
        <translation>首次检查：正在加载词典和语言模型…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="354"/>
        <source>Checked in %1 s</source>
        <translation>检查完成，用时 %1 秒</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor/gui/main_window.py" line="368"/>
        <source>⚠ %n check warning(s)</source>
        <translation>
            <numerusform>⚠ %n 条检查提示</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="375"/>
        <source>The check failed: %1</source>
        <translation>检查出错：%1</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="400"/>
        <source>(delete)</source>
        <translation>（删除）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="406"/>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="407"/>
        <source>Ignore All</source>
        <translation>全部忽略</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="413"/>
        <location filename="../../editor/gui/main_window.py" line="529"/>
        <source>Add to Dictionary</source>
        <translation>加入用户词典</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="437"/>
        <source>No findings</source>
        <translation>没有问题</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="465"/>
        <source>No findings left</source>
        <translation>没有剩下的问题</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="470"/>
        <source>No finding at the cursor</source>
        <translation>光标处没有问题</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="530"/>
        <source>Add this word to your dictionary (edit it if needed):</source>
        <translation>把这个词加入用户词典（可修改）：</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="539"/>
        <source>Dictionary</source>
        <translation>用户词典</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="541"/>
        <source>Added “%1” to your dictionary</source>
        <translation>已把“%1”加入用户词典</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor/gui/main_window.py" line="562"/>
        <source>%n fix(es) applied</source>
        <translation>
            <numerusform>已应用 %n 处修改</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="569"/>
        <source>Nothing to apply</source>
        <translation>没有可应用的修改</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor/gui/main_window.py" line="572"/>
        <source>%n change(s) will be applied as one step (Undo reverts them all).</source>
        <translation>
            <numerusform>将一次应用 %n 处修改（撤销一次即可全部还原）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="579"/>
        <source>Repair All Layout Breaks</source>
        <translation>修复全部排版断行</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="583"/>
        <source>Apply Safe Fixes: %1</source>
        <translation>应用安全修改：%1</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="652"/>
        <source>A PDF is read, never written: save its text as DOCX or TXT</source>
        <translation>PDF 只能读入、不能写回：请把文字另存为 DOCX 或 TXT</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="659"/>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="663"/>
        <source>Save As</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="703"/>
        <location filename="../../editor/gui/main_window.py" line="706"/>
        <source>Cannot Save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="703"/>
        <source>Save Anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="711"/>
        <source>The author restricted editing of this document.</source>
        <translation>作者为此文档设置了限制编辑。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="797"/>
        <source>Export &amp;Review…</source>
        <translation>导出审阅稿(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="798"/>
        <source>Export Proofreading Re&amp;port…</source>
        <translation>导出校对报告(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="799"/>
        <source>Export P&amp;DF…</source>
        <translation>导出 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="800"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="820"/>
        <location filename="../../editor/gui/main_window.py" line="824"/>
        <source>Export Review</source>
        <translation>导出审阅稿</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="820"/>
        <source>review</source>
        <translation>审阅稿</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="824"/>
        <source>A review is a Word document (.docx).</source>
        <translation>审阅稿只能是 Word 文档（.docx）。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="835"/>
        <source>Export Proofreading Report</source>
        <translation>导出校对报告</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="835"/>
        <source>report</source>
        <translation>校对报告</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="848"/>
        <location filename="../../editor/gui/main_window.py" line="871"/>
        <source>Cannot Export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="849"/>
        <source>Export Anyway</source>
        <translation>仍然导出</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="857"/>
        <source>Findings in %1: %2</source>
        <translation>%1 的问题清单：共 %2 处</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="865"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="865"/>
        <source>marked</source>
        <translation>校样</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="873"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="978"/>
        <source>%1 to verify</source>
        <translation>待核 %1</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="986"/>
        <source>PDF (saved as DOCX or TXT)</source>
        <translation>PDF（存为 DOCX 或 TXT）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="696"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="72"/>
        <source>In the list: accept the finding</source>
        <extracomment>What the text is saved as, and the save dialog&apos;s filter for each (a PDF is read, never written). Keys the widgets handle themselves, which no menu command lists.</extracomment>
        <translation>列表中：接受问题</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="73"/>
        <source>In the list: ignore the finding</source>
        <translation>列表中：忽略问题</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="74"/>
        <source>The finding&apos;s actions</source>
        <translation>问题的操作菜单</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="75"/>
        <source>In the text: next / previous finding from the selected one</source>
        <translation>正文中：从选中的问题跳到下一处 / 上一处</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="147"/>
        <source>Zoom (Ctrl+= / Ctrl+- / Ctrl+0)</source>
        <translation>缩放（Ctrl+= / Ctrl+- / Ctrl+0）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="682"/>
        <source>Saving %1…</source>
        <translation>正在保存 %1…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="723"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="750"/>
        <source>Unsaved Changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="774"/>
        <source>an unsaved draft</source>
        <translation>未保存的稿件</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="777"/>
        <source>Restore Unsaved Work</source>
        <translation>恢复未保存的稿件</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="778"/>
        <source>Proofdesk did not close properly. Restore the text of %1 autosaved at %2?</source>
        <translation>校对台上次没有正常关闭。是否恢复 %2 自动保存的 %1 的内容？</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="937"/>
        <source>About Proofdesk</source>
        <translation>关于校对台</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="938"/>
        <source>Proofdesk %1: a proofreading desk for Chinese newspaper and bulletin copy.</source>
        <translation>校对台 %1：中文报刊与简报稿件校对工具。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="752"/>
        <location filename="../../editor/gui/main_window.py" line="806"/>
        <location filename="../../editor/gui/main_window.py" line="838"/>
        <location filename="../../editor/gui/main_window.py" line="858"/>
        <location filename="../../editor/gui/main_window.py" line="944"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="972"/>
        <source>pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="972"/>
        <source>fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="958"/>
        <source>%1 characters</source>
        <translation>%1 字</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="751"/>
        <source>“%1” has unsaved changes. Save them?</source>
        <translation>“%1”有未保存的修改，是否保存？</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="955"/>
        <source>opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="960"/>
        <source>error rate: checking…</source>
        <translation>差错率：检查中…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="974"/>
        <source>no findings</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <location filename="../../editor/gui/main_window.py" line="975"/>
        <source>error rate %1 per 10,000 (%2)</source>
        <translation>差错率 %1/万（%2）</translation>
    </message>
</context>
<context>
    <name>OfficialsDialog</name>
    <message>
        <location filename="../../editor/gui/officials_dialog.py" line="52"/>
        <source>Register of Officials</source>
        <translation>干部登记表</translation>
    </message>
    <message>
        <location filename="../../editor/gui/officials_dialog.py" line="62"/>
        <source>e.g. 2024-12-20; empty: the draft&apos;s dateline, else today</source>
        <translation>如 2024-12-20；留空则取稿件的日期行，没有日期行时按今天</translation>
    </message>
    <message>
        <location filename="../../editor/gui/officials_dialog.py" line="68"/>
        <source>Add Row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <location filename="../../editor/gui/officials_dialog.py" line="69"/>
        <source>Remove Row</source>
        <translation>删除所选行</translation>
    </message>
    <message>
        <location filename="../../editor/gui/officials_dialog.py" line="70"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/officials_dialog.py" line="71"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/officials_dialog.py" line="72"/>
        <source>Shared Folder…</source>
        <translation>共享文件夹…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/officials_dialog.py" line="78"/>
        <source>Article date:</source>
        <translation>稿件日期：</translation>
    </message>
    <message>
        <location filename="../../editor/gui/officials_dialog.py" line="96"/>
        <source>Register: %1</source>
        <translation>登记表：%1</translation>
    </message>
    <message>
        <location filename="../../editor/gui/officials_dialog.py" line="134"/>
        <source>Register</source>
        <translation>登记表</translation>
    </message>
    <message>
        <location filename="../../editor/gui/officials_dialog.py" line="138"/>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/officials_dialog.py" line="153"/>
        <source>Import Register</source>
        <translation>导入登记表</translation>
    </message>
    <message>
        <location filename="../../editor/gui/officials_dialog.py" line="158"/>
        <source>Export Register</source>
        <translation>导出登记表</translation>
    </message>
    <message>
        <location filename="../../editor/gui/officials_dialog.py" line="164"/>
        <source>Shared Register Folder</source>
        <translation>共享登记表所在的文件夹</translation>
    </message>
    <message>
        <location filename="../../editor/gui/officials_dialog.py" line="195"/>
        <source>Not a date: write it as 2024-12-20 or 2024年12月20日</source>
        <translation>不是日期：请写作 2024-12-20 或 2024年12月20日</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../editor/gui/preferences.py" line="55"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="57"/>
        <source>Checks</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="58"/>
        <source>Typo Engine</source>
        <translation>错别字引擎</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="59"/>
        <source>Dictionary</source>
        <translation>用户词典</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="60"/>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="76"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="76"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="76"/>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="94"/>
        <source>Filter rules by name, id, description or example</source>
        <translation>按名称、编号、说明或示例筛选规则</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="99"/>
        <source>Switch whole categories or single rules on and off.</source>
        <translation>可按类别或逐条规则开启、关闭检查。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="121"/>
        <source>Empty: the statistical language model</source>
        <translation>留空：使用统计语言模型</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="125"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="132"/>
        <source>Typos are found by the bundled statistical language model. A MacBERT model finds more of them but runs slower; it needs Proofdesk installed with the proofdesk[neural] extra (torch and transformers) and a MacBERT-CSC model folder on this computer, such as macbert4csc-base-chinese. If the folder cannot be used, the statistical model checks typos and the status bar says why.</source>
        <translation>错别字默认由内置的统计语言模型检查。MacBERT 模型能找出更多错别字，但速度较慢；需要安装校对台的 proofdesk[neural] 扩展（torch 和 transformers），并在本机存放一个 MacBERT-CSC 模型文件夹（如 macbert4csc-base-chinese）。文件夹无法使用时，改由统计模型检查错别字，并在状态栏说明原因。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="142"/>
        <source>Strict: fewest false flags (about 0.5 per 10,000 characters)</source>
        <translation>严格：误报最少（每万字约 0.5 个）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="143"/>
        <source>Standard (about 2 false flags per 10,000 characters)</source>
        <translation>标准（每万字约 2 个误报）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="144"/>
        <source>Lenient: more typos found, more false flags (about 5 per 10,000)</source>
        <translation>宽松：找出更多别字，误报也多（每万字约 5 个）</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="153"/>
        <source>Statistical model sensitivity:</source>
        <translation>统计模型灵敏度：</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="154"/>
        <source>MacBERT model folder:</source>
        <translation>MacBERT 模型文件夹：</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="160"/>
        <source>MacBERT Model Folder</source>
        <translation>选择 MacBERT 模型文件夹</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="169"/>
        <source>No folder: the statistical language model checks typos.</source>
        <translation>未指定文件夹：错别字由统计语言模型检查。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="171"/>
        <source>Cannot use this folder: %1. The statistical model checks typos.</source>
        <translation>无法使用此文件夹：%1。错别字将由统计模型检查。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="173"/>
        <source>The folder holds a model (config.json): MacBERT checks typos from the next check on.</source>
        <translation>文件夹中有模型（config.json）：从下一次检查起由 MacBERT 检查错别字。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="180"/>
        <source>One word a line; lines starting with # are comments.</source>
        <translation>每行一个词；以 # 开头的行是注释。</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="181"/>
        <source>User dictionary:</source>
        <translation>用户词典：</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="181"/>
        <source>Ignore list:</source>
        <translation>忽略列表：</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="201"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="205"/>
        <source>Font:</source>
        <translation>字体：</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="206"/>
        <source>Size:</source>
        <translation>字号：</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="207"/>
        <source>Language (after restart):</source>
        <translation>界面语言（重启后生效）：</translation>
    </message>
    <message>
        <location filename="../../editor/gui/preferences.py" line="208"/>
        <source>Autosave every:</source>
        <translation>自动保存间隔：</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../editor/gui/dialogs.py" line="43"/>
        <source>Apply</source>
        <extracomment>The permanent ignore list is read by these checks only (`editor.core.userdata`).</extracomment>
        <translation>应用</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../editor/gui/help.py" line="27"/>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../editor/gui/help.py" line="29"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../editor/gui/help.py" line="29"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../editor/gui/welcome.py" line="29"/>
        <source>Welcome to Proofdesk</source>
        <translation>欢迎使用校对台</translation>
    </message>
    <message>
        <location filename="../../editor/gui/welcome.py" line="35"/>
        <source>Open the Example Draft</source>
        <translation>打开示例稿件</translation>
    </message>
    <message>
        <location filename="../../editor/gui/welcome.py" line="38"/>
        <source>Open the Data Folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location filename="../../editor/gui/welcome.py" line="59"/>
        <source>&lt;h2&gt;Proofdesk: a proofreading desk for Chinese newspaper copy&lt;/h2&gt;&lt;p&gt;Open a draft (TXT, Word or PDF) and the desk checks it as you read:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;line breaks and column jumps left by the layout system or a PDF, joined back;&lt;/li&gt;&lt;li&gt;typos, wrong idioms and confused words; names spelt two ways;&lt;/li&gt;&lt;li&gt;officials and their posts against your register; official formulations;&lt;/li&gt;&lt;li&gt;numbers and punctuation by GB/T 15835 and GB/T 15834.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;F8 goes to the next finding, Ctrl+Enter accepts it, Ctrl+I ignores it. Save a clean Word file, or export a review copy with tracked changes and comments and a report with the error rate (差错率) for the chief editor.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;校对台：中文报刊稿件校对&lt;/h2&gt;&lt;p&gt;打开稿件（TXT、Word 或 PDF），校对台随读随查：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;排版系统或 PDF 留下的断行、转版断句，接回原段；&lt;/li&gt;&lt;li&gt;别字、成语误用、易混词语；同一人名的不同写法；&lt;/li&gt;&lt;li&gt;对照您的干部登记表核对姓名职务；规范提法；&lt;/li&gt;&lt;li&gt;数字和标点符号用法（GB/T 15835、GB/T 15834）。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;F8 跳到下一处问题，Ctrl+Enter 接受，Ctrl+I 忽略。可保存干净的 Word 文件，或导出带修订痕迹和批注的审阅稿，以及给总编辑的差错率校对报告。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../editor/gui/welcome.py" line="73"/>
        <source>&lt;p&gt;&lt;b&gt;Your data&lt;/b&gt; (kept when the app is updated):&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;您的数据&lt;/b&gt;（更新软件时保留）：&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../editor/gui/welcome.py" line="75"/>
        <source>&lt;li&gt;user dictionary: %1&lt;/li&gt;</source>
        <translation>&lt;li&gt;用户词典：%1&lt;/li&gt;</translation>
    </message>
    <message>
        <location filename="../../editor/gui/welcome.py" line="76"/>
        <source>&lt;li&gt;ignore list: %1&lt;/li&gt;</source>
        <translation>&lt;li&gt;忽略列表：%1&lt;/li&gt;</translation>
    </message>
    <message>
        <location filename="../../editor/gui/welcome.py" line="77"/>
        <source>&lt;li&gt;register of officials: %1&lt;/li&gt;</source>
        <translation>&lt;li&gt;干部登记表：%1&lt;/li&gt;</translation>
    </message>
</context>
</TS>
