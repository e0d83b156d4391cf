#version 450
// Ignores LOCAL_SIZE_X on purpose: the link-time check must catch it.
layout(local_size_x = 64) in;
void main() {
}
