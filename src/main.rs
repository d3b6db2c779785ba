fn main() {
    class_spec_explorer::mount();
}
